package dev.lucidscim.examples.hr;

import java.util.List;

/** One valid line of the HR export. E-mail addresses are lower-cased. */
public record HrRow(long line, String employeeId, String email, String firstName, String lastName, String department,
                    String title, String managerEmail, HrStatus status, List<String> licensedProducts) {
}
