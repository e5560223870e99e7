package dev.lucidscim.examples.springboot;

import java.util.List;

/** An event that can never be provisioned as it is: answered with 400 and every problem named. */
public class InvalidHrEventException extends RuntimeException {

    private final List<String> problems;

    public InvalidHrEventException(List<String> problems) {
        super("Invalid HR event: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
