package dev.coreos4j.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * {@code dev.coreos4j:coreos4j-bom} has no parent (it must not force the build's test and tool versions on users),
 * so it repeats what the parent knows; these checks keep the two in step whenever a module or dependency is added.
 */
class BomTest {

    private static final Element PARENT = Poms.read(Poms.ROOT.resolve("pom.xml"));
    private static final Element BOM = Poms.read(Poms.ROOT.resolve("bom/pom.xml"));

    /** groupId:artifactId → version, resolved against the pom's own properties. */
    private static Map<String, String> managed(Element pom) {
        Map<String, String> props = Poms.properties(pom);
        Map<String, String> out = new TreeMap<>();
        for (Element d :
                Poms.children(Poms.child(Poms.child(pom, "dependencyManagement"), "dependencies"), "dependency")) {
            String ga = Poms.text(d, "groupId") + ":" + Poms.text(d, "artifactId");
            out.put(ga, Poms.resolve(Poms.text(d, "version"), props));
        }
        return out;
    }

    /** The version the build uses for {@code ga}: managed directly by the parent, or by a BOM it imports. */
    private static String buildVersion(String ga) {
        Map<String, String> parent = managed(PARENT);
        if (parent.containsKey(ga)) {
            return parent.get(ga);
        }
        if (ga.startsWith("tools.jackson.")) {
            return parent.get("tools.jackson:jackson-bom");
        }
        return null;
    }

    @Test
    void bom_managesEveryDeployedModule() {
        Map<String, String> bom = managed(BOM);
        List<String> missing = new ArrayList<>();
        for (Poms.Module m : Poms.reactor()) {
            if (m.deployed() && m.isJar() && !bom.containsKey("dev.coreos4j:" + m.artifactId())) {
                missing.add(m.artifactId());
            }
        }
        assertThat(missing).as("deployed jar modules absent from bom/pom.xml").isEmpty();
        assertThat(Poms.text(BOM, "version")).isEqualTo(Poms.text(PARENT, "version"));
        assertThat(bom).containsEntry("dev.coreos4j:ignition-model", "${project.version}");
    }

    @Test
    void bom_managesEveryRuntimeDependencyOfTheLibraries_atTheBuildsVersion() {
        Map<String, String> bom = managed(BOM);
        List<String> problems = new ArrayList<>();
        for (Poms.Module m : Poms.reactor()) {
            if (!m.deployed() || !m.isJar() || m.artifactId().equals("cli")) {
                continue; // the CLI is an application: its dependencies are no user's concern
            }
            for (Element d : Poms.children(Poms.child(m.pom(), "dependencies"), "dependency")) {
                String scope = Poms.text(d, "scope");
                String ga = Poms.text(d, "groupId") + ":" + Poms.text(d, "artifactId");
                if ("test".equals(scope) || "provided".equals(scope) || ga.startsWith("dev.coreos4j:")) {
                    continue;
                }
                if (!bom.containsKey(ga)) {
                    problems.add(m.artifactId() + " needs " + ga + ", which the BOM does not manage");
                } else if (!bom.get(ga).equals(buildVersion(ga))) {
                    problems.add(ga + ": BOM " + bom.get(ga) + ", build " + buildVersion(ga));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void bom_neverManagesJackson2() {
        assertThat(managed(BOM).keySet()).noneMatch(ga -> ga.startsWith("com.fasterxml.jackson"));
    }

    @Test
    void bom_repeatsTheParentsCentralMetadata() {
        String url = Poms.properties(PARENT).get("coreos4j.url");
        assertThat(Poms.text(BOM, "url")).isEqualTo(url);
        assertThat(Poms.path(BOM, "scm/url")).isEqualTo(url);
        assertThat(Poms.path(BOM, "scm/connection")).isEqualTo("scm:git:" + url + ".git");
        assertThat(Poms.path(BOM, "issueManagement/url")).isEqualTo(url + "/issues");
        assertThat(Poms.path(BOM, "licenses/license/name")).isEqualTo(Poms.path(PARENT, "licenses/license/name"));
        assertThat(Poms.path(BOM, "developers/developer/name"))
                .isEqualTo(Poms.path(PARENT, "developers/developer/name"));
        assertThat(Poms.text(PARENT, "url")).isEqualTo("${coreos4j.url}");
    }
}
