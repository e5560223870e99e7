package dev.lucidscim.examples.yaml;

import java.io.IOException;
import java.io.InputStream;

import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.examples.hr.HrCsvReader;
import dev.lucidscim.examples.hr.HrExport;
import dev.lucidscim.examples.hr.HrRow;
import dev.lucidscim.examples.hr.HrUserMapper;
import dev.lucidscim.examples.hr.ProvisioningRun;
import dev.lucidscim.examples.hr.ProvisioningRun.Result;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/**
 * The Java steps that {@code routes/hr-feed.camel.yaml} calls, one method per step: reading the export and turning
 * a row into a user (both borrowed from the HR example), and keeping the run's tally. The order of the steps, the
 * calls to Lucid and the error handling are all in the YAML.
 */
public class HrFeedSteps {

    /** The exchange property that holds the file's {@link ProvisioningRun}. */
    public static final String RUN = "hrRun";
    /** The exchange property that holds the row being provisioned. */
    public static final String ROW = "hrRow";

    private HrUserMapper mapper = new HrUserMapper(true);

    /** Whether the licensed_products column sets Lucid's productLicenses; the YAML sets it from hr.manage-licenses. */
    public void setManageLicenses(boolean manageLicenses) {
        this.mapper = new HrUserMapper(manageLicenses);
    }

    public HrExport read(@Header(Exchange.FILE_NAME_ONLY) String fileName, InputStream csv) throws IOException {
        return HrCsvReader.read(fileName, csv);
    }

    /** The tally of one file, starting with the rows rejected before any request. */
    public ProvisioningRun startRun(HrExport export) {
        ProvisioningRun run = new ProvisioningRun(export.fileName());
        run.rejected(export.rejected());
        return run;
    }

    /** The person as Lucid should have them; managers come first, so a manager's id is known by then. */
    public ScimUser toUser(HrRow row, @ExchangeProperty(RUN) ProvisioningRun run) {
        return mapper.toUser(row, run::lucidIdOf);
    }

    public ScimUser toLeaver(HrRow row) {
        return mapper.toLeaver(row);
    }

    /** Counts what Lucid did. */
    public void done(@ExchangeProperty(ROW) HrRow row, @ExchangeProperty(RUN) ProvisioningRun run,
                     @Header(LucidScimConstants.OUTCOME) String outcome,
                     @Header(LucidScimConstants.RESOURCE_ID) String lucidId) {
        run.userDone(row, Result.of(outcome), lucidId);
    }

    public void failed(@ExchangeProperty(ROW) HrRow row, @ExchangeProperty(RUN) ProvisioningRun run,
                       @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        run.userFailed(row, cause);
    }
}
