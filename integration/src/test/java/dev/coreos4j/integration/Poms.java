package dev.coreos4j.integration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** The reactor's POMs as the tests need them: modules, artifactIds, packaging, properties, dependencies. */
final class Poms {

    static final Path ROOT = Path.of(System.getProperty("coreos4j.root"));

    private Poms() {}

    /** One module of the reactor (or the root itself, {@code dir} = "."). */
    record Module(String dir, String artifactId, String packaging, boolean deployed, Element pom) {
        boolean isJar() {
            return packaging.equals("jar");
        }
    }

    static Element read(Path pom) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            Document d = f.newDocumentBuilder().parse(pom.toFile());
            return d.getDocumentElement();
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }

    /** The root parent and every module listed in the root POM's {@code <modules>}. */
    static List<Module> reactor() {
        List<Module> all = new ArrayList<>();
        Element root = read(ROOT.resolve("pom.xml"));
        all.add(module(".", root));
        for (Element m : children(child(root, "modules"), "module")) {
            Path pom = ROOT.resolve(m.getTextContent().trim()).resolve("pom.xml");
            if (Files.isRegularFile(pom)) {
                all.add(module(m.getTextContent().trim(), read(pom)));
            }
        }
        return all;
    }

    private static Module module(String dir, Element pom) {
        String packaging = text(pom, "packaging");
        Map<String, String> props = properties(pom);
        boolean deployed = !"true".equals(props.get("maven.deploy.skip"));
        return new Module(dir, text(pom, "artifactId"), packaging == null ? "jar" : packaging, deployed, pom);
    }

    static Map<String, String> properties(Element pom) {
        Map<String, String> props = new HashMap<>();
        Element p = child(pom, "properties");
        if (p != null) {
            for (Element e : children(p, null)) {
                props.put(e.getTagName(), e.getTextContent().trim());
            }
        }
        return props;
    }

    /** Resolves {@code ${name}} against {@code props} (one level, as the versions here use). */
    static String resolve(String value, Map<String, String> props) {
        if (value != null && value.startsWith("${") && value.endsWith("}")) {
            return props.getOrDefault(value.substring(2, value.length() - 1), value);
        }
        return value;
    }

    static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || e.getTagName().equals(name))) {
                out.add(e);
            }
        }
        return out;
    }

    static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }

    /** {@code path} like "scm/url" below {@code parent}. */
    static String path(Element parent, String path) {
        Element e = parent;
        for (String part : path.split("/")) {
            e = child(e, part);
        }
        return e == null ? null : e.getTextContent().trim();
    }
}
