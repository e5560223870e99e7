package dev.lucidscim.examples.springboot;

import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/** Checks the posted event with Bean Validation and fails with every problem, sorted, before any call to Lucid. */
@Component
public class HrEventValidator implements Processor {

    private final Validator validator;

    public HrEventValidator(Validator validator) {
        this.validator = validator;
    }

    @Override
    public void process(Exchange exchange) {
        HrEvent event = exchange.getMessage().getBody(HrEvent.class);
        if (event == null) {
            throw new InvalidHrEventException(List.of("the body is empty: post one event as a JSON object"));
        }
        List<String> problems = validator.validate(event).stream().map(HrEventValidator::describe).sorted().toList();
        if (!problems.isEmpty()) {
            throw new InvalidHrEventException(problems);
        }
    }

    private static String describe(ConstraintViolation<HrEvent> violation) {
        String field = violation.getPropertyPath().toString();
        // a class-level rule such as isNamedIfJoining says it all in its message
        return field.startsWith("namedIf") ? violation.getMessage() : field + " " + violation.getMessage();
    }
}
