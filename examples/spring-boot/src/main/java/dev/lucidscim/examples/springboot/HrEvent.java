package dev.lucidscim.examples.springboot;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the HR system posts for a person: a joiner, a mover or a leaver. Fields it does not know are ignored, so the
 * HR system may send more. The constraints are checked before anything is sent to Lucid, and every broken one is
 * named in the 400 answer.
 *
 * @param type       joiner, mover or leaver
 * @param email      the person's work e-mail: their Lucid userName
 * @param employeeId the HR id, kept as the Lucid user's externalId and employeeNumber
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HrEvent(
        @NotBlank(message = "is missing: expected joiner, mover or leaver")
        @Pattern(regexp = "joiner|mover|leaver", message = "must be joiner, mover or leaver") String type,
        @NotBlank(message = "is missing: it is the person's Lucid userName")
        @Email(message = "is not a valid e-mail address") @Size(max = 254) String email,
        @Size(max = 64) String employeeId,
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @Size(max = 100) String department,
        @Size(max = 100) String title) {

    public boolean isLeaver() {
        return "leaver".equals(type);
    }

    /** Lucid needs a name to create an account, and a joiner is usually new to it. */
    @AssertTrue(message = "a joiner needs firstName and lastName")
    public boolean isNamedIfJoining() {
        return !"joiner".equals(type) || notBlank(firstName) && notBlank(lastName);
    }

    /** For logs and answers: {@code joiner E1042 ana.silva@example.com}. */
    public String describe() {
        return String.join(" ", type == null ? "event" : type, employeeId == null ? "" : employeeId,
                email == null ? "" : email).replaceAll(" +", " ").strip();
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }
}
