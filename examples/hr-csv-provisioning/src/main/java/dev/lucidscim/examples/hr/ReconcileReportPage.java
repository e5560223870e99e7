package dev.lucidscim.examples.hr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import dev.lucidscim.camel.producer.reconcile.ReconcileAction;
import dev.lucidscim.camel.producer.reconcile.ReconcileItem;
import dev.lucidscim.camel.producer.reconcile.ReconcileReport;

/** A reconcile report as a self-contained HTML page, for a reviewer to open before (or after) it is applied. */
public final class ReconcileReportPage {

    private ReconcileReportPage() {
    }

    public static Path write(Path folder, String exportName, ReconcileReport report) throws IOException {
        Files.createDirectories(folder);
        Path page = folder.resolve(exportName.replaceFirst("\\.csv$", "") + "-reconcile.html");
        Files.writeString(page, render(exportName, report), StandardCharsets.UTF_8);
        return page;
    }

    static String render(String exportName, ReconcileReport report) {
        String status = report.dryRun() ? "Plan (dry run): nothing was changed"
                : report.applied() ? "Applied" : "NOT applied: the deactivation threshold was exceeded";
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Lucid reconcile</title>
                <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}
                td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}
                .DEACTIVATE{background:#fde2e1}.CREATE{background:#e3f6e5}.REACTIVATE{background:#e6f0fd}
                .UPDATE{background:#fff6d9}.FAILED{font-weight:bold;color:#a00}</style></head><body>
                """);
        html.append("<h1>Lucid reconcile of ").append(escape(exportName)).append("</h1>\n<p>").append(status)
                .append(". Managed users: ").append(report.managedUsers()).append(", listing requests: ")
                .append(report.listingRequests()).append(".</p>\n<table><tr><th>action</th><th>users</th></tr>\n");
        for (ReconcileAction action : ReconcileAction.values()) {
            html.append("<tr><td>").append(action.name().toLowerCase(Locale.ROOT)).append("</td><td>")
                    .append(report.count(action)).append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Changes</h2>\n<table><tr><th>action</th><th>result</th><th>user</th><th>Lucid id</th>"
                    + "<th>attributes</th><th>error</th></tr>\n");
        for (ReconcileItem item : report.items()) {
            if (item.action() == ReconcileAction.UNCHANGED || item.action() == ReconcileAction.UNMANAGED) {
                continue;
            }
            html.append("<tr class=\"").append(item.action()).append(' ').append(item.result()).append("\"><td>")
                    .append(item.action().name().toLowerCase(Locale.ROOT)).append("</td><td>")
                    .append(item.result().name().toLowerCase(Locale.ROOT)).append("</td><td>")
                    .append(escape(item.userName()))
                    .append("</td><td>").append(escape(item.id())).append("</td><td>")
                    .append(escape(String.join(", ", item.changedAttributes()))).append("</td><td>")
                    .append(escape(item.error())).append("</td></tr>\n");
        }
        return html.append("</table>\n</body></html>\n").toString();
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
