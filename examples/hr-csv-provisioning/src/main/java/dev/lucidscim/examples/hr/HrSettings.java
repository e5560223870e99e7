package dev.lucidscim.examples.hr;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The feed's settings, from system properties ({@code -Dhr.inbox=...}) or environment variables
 * ({@code HR_INBOX=...}), with defaults that suit the embedded simulator.
 *
 * @param inbox          the folder watched for HR exports ({@code *.csv}); processed files move to {@code .done}
 * @param errorFolder    where rejected rows are written, one CSV per export, and reconcile reports
 * @param excludedGroups group names never pushed to Lucid (Lucid asks admins to exclude an "All Users" group)
 * @param manageLicenses whether the licensed_products column sets Lucid's licences
 * @param once           process what is in the inbox, print the summary and stop (else keep watching)
 * @param mode           reconcile the whole file as the roster (the default), or upsert row by row
 * @param dryRun         in reconcile mode: plan and report, change nothing
 * @param stateFile      what the component remembers between runs (the people it deactivated, so that a rehire is
 *                       reactivated rather than refused with 409, and the attributes Lucid does not keep)
 * @param licenseGroups  licences as org-group membership (for accounts that license through org groups), or
 *                       {@link LicenseGroups#NONE}: licences as each user's productLicenses
 */
public record HrSettings(Path inbox, Path errorFolder, Set<String> excludedGroups, boolean manageLicenses,
                         boolean once, Mode mode, boolean dryRun, Path stateFile, LicenseGroups licenseGroups) {

    /** How an export is applied. */
    public enum Mode {
        /**
         * Row by row: upsert account holders, deactivate leavers, push department groups. One search per row: for
         * event-by-event feeds (a queue, a webhook), where there is no whole roster to compare.
         */
        UPSERT,
        /**
         * The whole file is the roster: one listing of users and one of groups, a plan (people, managers, groups,
         * licences), the deletion breaker, only the writes that differ, a report.
         */
        RECONCILE
    }

    /** Upsert settings, for tests and embedding; the state is kept beside the error folder. */
    public HrSettings(Path inbox, Path errorFolder, Set<String> excludedGroups, boolean manageLicenses, boolean once) {
        this(inbox, errorFolder, excludedGroups, manageLicenses, once, Mode.UPSERT, false);
    }

    /** Settings with the state kept beside the error folder, for tests and embedding. */
    public HrSettings(Path inbox, Path errorFolder, Set<String> excludedGroups, boolean manageLicenses, boolean once,
                      Mode mode, boolean dryRun) {
        this(inbox, errorFolder, excludedGroups, manageLicenses, once, mode, dryRun,
                errorFolder.resolveSibling("state").resolve("lucid-scim.state"), LicenseGroups.NONE);
    }

    /** These settings with licences granted through these groups. */
    public HrSettings withLicenseGroups(LicenseGroups groups) {
        return new HrSettings(inbox, errorFolder, excludedGroups, manageLicenses, once, mode, dryRun, stateFile,
                groups);
    }

    /** Whether users are written with productLicenses: licences are managed, and not through groups. */
    public boolean writesUserLicenses() {
        return manageLicenses && licenseGroups.isEmpty();
    }

    /** The groups that grant licences: none when licences are not managed, or managed per user. */
    public LicenseGroups grantingGroups() {
        return manageLicenses ? licenseGroups : LicenseGroups.NONE;
    }

    public static HrSettings fromEnvironment() {
        return new HrSettings(
                Path.of(setting("hr.inbox", "target/hr/inbox")),
                Path.of(setting("hr.errors", "target/hr/errors")),
                Arrays.stream(setting("hr.groups.exclude", "All Users").split(",")).map(String::strip)
                        .filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet()),
                Boolean.parseBoolean(setting("hr.manage-licenses", "true")),
                Boolean.parseBoolean(setting("hr.once", "true")),
                Mode.valueOf(setting("hr.mode", "reconcile").toUpperCase(Locale.ROOT)),
                Boolean.parseBoolean(setting("hr.dry-run", "false")),
                Path.of(setting("hr.state", "target/hr/state/lucid-scim.state")),
                LicenseGroups.parse(setting("hr.license-groups", "")));
    }

    /** A system property, else the environment variable of the same name (hr.inbox: HR_INBOX), else the default. */
    private static String setting(String name, String defaultValue) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }
}
