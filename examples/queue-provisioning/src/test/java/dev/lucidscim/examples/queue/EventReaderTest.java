package dev.lucidscim.examples.queue;

import dev.lucidscim.examples.queue.ProvisioningEvent.Type;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventReaderTest {

    @Test
    void readsAnEventLowerCasingTheEmailAndIgnoringFieldsItDoesNotKnow() {
        ProvisioningEvent event = EventReader.read("""
                {"type": "Mover", "employeeId": 1042, "email": " Ana.Silva@Example.com ", "firstName": "Ana",
                 "lastName": "", "title": "Account Manager", "costCenter": "CC-7"}""");

        assertThat(event).isEqualTo(new ProvisioningEvent(Type.MOVER, "1042", "ana.silva@example.com", "Ana", null,
                null, "Account Manager"));
        assertThat(event.describe()).isEqualTo("mover 1042 ana.silva@example.com");
    }

    @Test
    void namesEveryProblemAndWhatCouldBeReadOfTheEvent() {
        assertThatThrownBy(() -> EventReader.read("{\"type\": \"transfer\", \"employeeId\": \"E7\"}"))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("type 'transfer' is not one of joiner, mover, leaver; "
                                                         + "email is missing: it is the person's Lucid userName");
                    assertThat(e.event()).isEqualTo("transfer E7");
                });
    }

    @Test
    void rejectsAMissingTypeAndAMalformedEmail() {
        assertThatThrownBy(() -> EventReader.read("{\"email\": \"ana@localhost\"}"))
                .hasMessage("type is missing: expected one of joiner, mover, leaver; "
                            + "email 'ana@localhost' is not a valid address");
    }

    @Test
    void aTenKilobyteOrMultiLineEmailIsQuotedOnOneLineAndBounded() {
        String tenKilobytes = "a@" + "b.".repeat(5_000) + "com";
        String json = "{\"type\": \"joiner\", \"email\": \"" + tenKilobytes + "\"}";

        assertThatThrownBy(() -> EventReader.read(json))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.getMessage()).startsWith("email 'a@b.b.")
                            .endsWith("... (" + tenKilobytes.length() + " characters)' is not a valid address");
                    assertThat(e.event()).hasSizeLessThan(100);
                });
        assertThatThrownBy(() -> EventReader.read("{\"type\": \"joiner\", \"email\": \"x\\nSUMMARY ok=9\"}"))
                .hasMessage("email 'x\\nSUMMARY ok=9' is not a valid address");
    }

    @Test
    void rejectsWhatIsNotAJsonObject() {
        assertThatThrownBy(() -> EventReader.read("[\"joiner\"]")).hasMessage("not a JSON object");
        assertThatThrownBy(() -> EventReader.read("")).hasMessage("not a JSON object");
        assertThatThrownBy(() -> EventReader.read("joiner,E1,ana@example.com"))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.getMessage()).startsWith("not JSON: ");
                    assertThat(e.event()).isEqualTo("an unreadable message");
                });
    }
}
