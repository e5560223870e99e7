package dev.lucidscim.examples.hr;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The employment status column: who should have an active Lucid account. */
public enum HrStatus {
    ACTIVE("active", true),
    ON_LEAVE("leave", true),
    TERMINATED("terminated", false);

    private final String csvValue;
    private final boolean keepsAccount;

    HrStatus(String csvValue, boolean keepsAccount) {
        this.csvValue = csvValue;
        this.keepsAccount = keepsAccount;
    }

    /** How the export writes it. */
    public String csvValue() {
        return csvValue;
    }

    public boolean keepsAccount() {
        return keepsAccount;
    }

    public static Optional<HrStatus> fromCsv(String value) {
        String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(status -> status.csvValue.equals(wanted)).findFirst();
    }

    public static String expected() {
        return String.join(", ", Arrays.stream(values()).map(status -> status.csvValue).toList());
    }
}
