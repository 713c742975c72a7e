package dev.coreos4j.ignition.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Issue #15: parsing, validation, writing, translation, merge and builders need nothing but this module, the
 * coreos4j problem module (issue #16: reports hold its problems) and the Jakarta Validation API (annotations).
 * {@link EverydayUse} runs in a class loader whose only parent is the boot loader and whose path holds the module's
 * classes, the test classes, the problem module and {@code jakarta.validation-api}: a single
 * reference to Hibernate Validator, Jackson or networknt would end in {@link NoClassDefFoundError}.
 */
class RuntimeDependenciesTest {

    private static URL locationOf(Class<?> type) throws Exception {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    @Test
    void everydayUse_runsWithOnlyTheValidationApi() throws Exception {
        URL main = locationOf(dev.coreos4j.ignition.Ignition.class);
        URL tests = locationOf(EverydayUse.class);
        URL api = locationOf(Valid.class);
        URL problems = locationOf(dev.coreos4j.problem.Problem.class);
        assertThat(Path.of(api.toURI()).getFileName().toString()).startsWith("jakarta.validation-api");
        try (URLClassLoader isolated = new URLClassLoader(
                new URL[] {main, tests, problems, api},
                null)) { // the boot loader: the platform loader would hand our packages to the app loader on the module
            // path
            Class<?> use = isolated.loadClass(EverydayUse.class.getName());
            assertThat(use.getClassLoader()).isSameAs(isolated);
            @SuppressWarnings("unchecked")
            Callable<String> run = (Callable<String>) use.getConstructor().newInstance();
            String summary = run.call();
            assertThat(summary).startsWith("true 5 true {\"ignition\":{\"version\":\"3.1.0\"}");
            assertThat(summary).contains("/etc/motd", "/etc/issue");
            for (String absent : new String[] {
                "org.hibernate.validator.HibernateValidator",
                "tools.jackson.databind.ObjectMapper",
                "com.networknt.schema.Schema"
            }) {
                assertThat(isolated.getResource(absent.replace('.', '/') + ".class"))
                        .as(absent)
                        .isNull();
            }
        }
    }
}
