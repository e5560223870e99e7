package dev.lucidscim.model;

/** Product names used as keys of {@link LucidLicensing#productLicenses()}. */
public final class LucidProducts {

    public static final String LUCIDCHART = "Lucidchart";
    public static final String LUCIDSPARK = "Lucidspark";
    public static final String LUCIDSCALE_CREATOR = "LucidscaleCreator";
    public static final String LUCIDSCALE_EXPLORER = "LucidscaleExplorer";

    private LucidProducts() {
    }
}
