package dev.lucidscim.examples.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Sample files that examples ship on the classpath, copied to where a route reads them. */
public final class ClasspathResources {

    private ClasspathResources() {
    }

    /** Copies a classpath resource to a file, creating its folder and replacing an earlier copy. */
    public static void copy(String resource, Path file) throws IOException {
        try (InputStream content = ClasspathResources.class.getResourceAsStream(resource)) {
            if (content == null) {
                throw new IllegalArgumentException("No " + resource + " on the classpath");
            }
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
