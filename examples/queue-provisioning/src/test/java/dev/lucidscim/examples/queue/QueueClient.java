package dev.lucidscim.examples.queue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;

/** The tests' view from outside the application: plain JMS, as the HR system and an operator would use the queues. */
final class QueueClient {

    /** What an operator finds on the dead-letter queue. */
    record DeadLetter(String body, String errorClass, String errorMessage, int attempts) {
    }

    /** The JMS property of a message's group: Artemis delivers a group's messages to one consumer, in order. */
    static final String PERSON_GROUP = "JMSXGroupID";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Broker broker;

    QueueClient(Broker broker) {
        this.broker = broker;
    }

    void publish(String... events) {
        try (JMSContext context = broker.connectionFactory().createContext()) {
            JMSProducer producer = context.createProducer();
            for (String event : events) {
                producer.send(context.createQueue(Queues.EVENTS), event);
            }
        }
    }

    /**
     * Publishes each event in the message group of its person ({@code JMSXGroupID}: its e-mail address), as a
     * producer feeding several consumers does: the broker gives one person's events to one consumer, in order.
     */
    void publishByPerson(List<String> events) throws JsonProcessingException {
        try (JMSContext context = broker.connectionFactory().createContext()) {
            JMSProducer producer = context.createProducer();
            for (String event : events) {
                producer.setProperty(PERSON_GROUP, JSON.readTree(event).path("email").asText())
                        .send(context.createQueue(Queues.EVENTS), event);
            }
        }
    }

    /** Takes every message off the dead-letter queue, oldest first. */
    List<DeadLetter> drainDeadLetters() throws JMSException {
        List<DeadLetter> letters = new ArrayList<>();
        try (JMSContext context = broker.connectionFactory().createContext();
             JMSConsumer consumer = context.createConsumer(context.createQueue(Queues.DEAD_LETTERS))) {
            for (Message message = consumer.receive(300); message != null; message = consumer.receive(300)) {
                letters.add(new DeadLetter(message.getBody(String.class),
                        message.getStringProperty(DeadLetterHeaders.ERROR_CLASS),
                        message.getStringProperty(DeadLetterHeaders.ERROR_MESSAGE),
                        message.getIntProperty(DeadLetterHeaders.ATTEMPTS)));
            }
        }
        return letters;
    }

    /** An event's JSON text; null values are left out. */
    static String event(String type, String employeeId, String email, String firstName, String lastName,
                        String department, String title) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", type);
        fields.put("employeeId", employeeId);
        fields.put("email", email);
        fields.put("firstName", firstName);
        fields.put("lastName", lastName);
        fields.put("department", department);
        fields.put("title", title);
        fields.values().removeIf(value -> value == null);
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String leaver(String employeeId, String email) {
        return event("leaver", employeeId, email, null, null, null, null);
    }
}
