package dev.coreos4j.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The deployment every {@code verify} stages into {@code target/staging} (and {@code -P release deploy} into the
 * same place) is what Maven Central requires: for each deployed module its POM, and for a jar module the jar, the
 * sources jar and the javadoc jar; each file with correct {@code .md5} and {@code .sha1} checksums, and a {@code .asc}
 * signature when a GPG key was configured ({@code -Dgpg.keyname}); every POM with name and description, the
 * parent and the BOM with url, licenses, developers and scm.
 */
class StagingLayoutTest {

    private static final Path STAGING = Path.of(System.getProperty("coreos4j.staging"));
    private static final String VERSION = System.getProperty("coreos4j.version");

    @Test
    void staging_holdsACompleteDeploymentOfEveryModule() throws Exception {
        Assumptions.assumeFalse(
                Boolean.getBoolean("coreos4j.offline"),
                "an offline (-o) build stages nothing: Maven refuses to deploy offline");
        boolean signed = "false".equals(System.getProperty("coreos4j.gpg.skip"));
        List<String> problems = new ArrayList<>();
        int files = 0;
        for (Poms.Module m : Poms.reactor()) {
            if (!m.deployed()) {
                assertThat(STAGING.resolve("dev/coreos4j/" + m.artifactId()))
                        .as(m.dir() + " is never deployed")
                        .doesNotExist();
                continue;
            }
            Path dir = STAGING.resolve("dev/coreos4j/" + m.artifactId() + "/" + VERSION);
            List<String> wanted = new ArrayList<>(List.of(".pom"));
            if (m.isJar()) {
                wanted.addAll(List.of(".jar", "-sources.jar", "-javadoc.jar"));
            }
            for (String suffix : wanted) {
                Path file = dir.resolve(fileName(dir, m.artifactId(), suffix));
                if (!Files.isRegularFile(file)) {
                    problems.add(m.dir() + ": missing " + STAGING.relativize(file));
                    continue;
                }
                files++;
                problems.addAll(checksums(file));
                if (signed && !Files.isRegularFile(Path.of(file + ".asc"))) {
                    problems.add(m.dir() + ": missing signature " + STAGING.relativize(file) + ".asc");
                }
                if (suffix.equals(".pom")) {
                    problems.addAll(pomMetadata(m, Poms.read(file)));
                }
            }
        }
        assertThat(problems).as("staged deployment in " + STAGING).isEmpty();
        assertThat(files).as("files checked").isGreaterThanOrEqualTo(4 * 4 + 2);
    }

    /** The file name of a staged artifact: plain for a release, the newest timestamped build for a SNAPSHOT. */
    private static String fileName(Path dir, String artifactId, String suffix) throws IOException {
        if (!VERSION.endsWith("-SNAPSHOT")) {
            return artifactId + "-" + VERSION + suffix;
        }
        Path metadata = dir.resolve("maven-metadata.xml");
        if (!Files.isRegularFile(metadata)) {
            return artifactId + "-" + VERSION + suffix + " (no maven-metadata.xml)";
        }
        Element snapshot = Poms.child(Poms.child(Poms.read(metadata), "versioning"), "snapshot");
        String stamp = Poms.text(snapshot, "timestamp") + "-" + Poms.text(snapshot, "buildNumber");
        return artifactId + "-" + VERSION.replace("SNAPSHOT", stamp) + suffix;
    }

    private static List<String> checksums(Path file) throws IOException, NoSuchAlgorithmException {
        List<String> problems = new ArrayList<>();
        byte[] bytes = Files.readAllBytes(file);
        for (String[] algo : new String[][] {{"md5", "MD5"}, {"sha1", "SHA-1"}}) {
            Path sum = Path.of(file + "." + algo[0]);
            if (!Files.isRegularFile(sum)) {
                problems.add("missing " + STAGING.relativize(sum));
                continue;
            }
            String want =
                    HexFormat.of().formatHex(MessageDigest.getInstance(algo[1]).digest(bytes));
            String got = Files.readString(sum).trim().split("\\s+")[0];
            if (!want.equalsIgnoreCase(got)) {
                problems.add(STAGING.relativize(sum) + " says " + got + ", the file's is " + want);
            }
        }
        return problems;
    }

    /** Central's required elements: on every POM name and description; url, licenses, developers and scm on
     *  every POM that does not inherit them from the (staged, checked) parent. */
    private static List<String> pomMetadata(Poms.Module m, Element pom) {
        List<String> problems = new ArrayList<>();
        for (String e : List.of("name", "description")) {
            if (Poms.text(pom, e) == null || Poms.text(pom, e).isBlank()) {
                problems.add(m.dir() + ": staged POM has no <" + e + ">");
            }
        }
        boolean inherits = Poms.path(pom, "parent/artifactId") != null
                && Poms.path(pom, "parent/artifactId").equals("coreos4j-parent");
        if (!inherits) {
            for (String e : List.of(
                    "url",
                    "licenses/license/name",
                    "licenses/license/url",
                    "developers/developer/name",
                    "scm/url",
                    "scm/connection",
                    "scm/developerConnection")) {
                if (Poms.path(pom, e) == null || Poms.path(pom, e).isBlank()) {
                    problems.add(m.dir() + ": staged POM has no <" + e + ">");
                }
            }
        }
        return problems;
    }
}
