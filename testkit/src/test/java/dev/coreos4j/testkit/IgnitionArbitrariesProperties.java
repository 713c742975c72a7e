package dev.coreos4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.ParseResult;
import dev.coreos4j.ignition.Report;
import dev.coreos4j.ignition.SpecVersion;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Our validator against the Ignition arbitraries: valid configs are clean, each broken rule is reported once. */
class IgnitionArbitrariesProperties {

    @Provide
    Arbitrary<Config> valid() {
        return IgnitionArbitraries.validConfigs();
    }

    @Property(tries = 300)
    void validConfigs_validateAndParseWithoutAnyEntry(@ForAll("valid") Config c) {
        SpecVersion v = SpecVersion.fromString(c.ignition().version()).orElseThrow();
        assertThat(Ignition.validate(c).entries()).as("validate %s", c).isEmpty();
        byte[] json = Ignition.write(c, v);
        ParseResult r = Ignition.parse(json);
        assertThat(r.report().entries()).as("parse %s", new String(json)).isEmpty();
        IgnitionLaws.checkRoundTrip(c, v);
        IgnitionLaws.checkTranslateUpDown(c, v);
        Statistics.label("version").collect(v.toString());
        Statistics.label("sections")
                .collect(
                        !c.storage().files().isEmpty(),
                        !c.systemd().units().isEmpty(),
                        !c.passwd().users().isEmpty());
        Statistics.label("version")
                .coverage(cov -> SpecVersion.stable()
                        .forEach(x -> cov.check(x.toString()).count(n -> n > 0)));
    }

    @Provide
    Arbitrary<AlmostValidConfig> almost() {
        return IgnitionArbitraries.almostValidConfigs();
    }

    @Property(tries = 600)
    void almostValidConfigs_reportExactlyTheBrokenRuleAtItsPath(@ForAll("almost") AlmostValidConfig a) {
        Report report = Ignition.parse(a.json()).report();
        assertThat(report.entries()).as("%s", a).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(a.rule().code());
            assertThat(Report.dottedPath(e)).isEqualTo(a.path());
            assertThat(e.severity()).isEqualTo(a.rule().severity());
        });
        if (a.config() != null) {
            List<dev.coreos4j.problem.Problem> direct =
                    Ignition.validate(a.config()).entries();
            assertThat(direct).as("validate %s", a).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo(a.rule().code());
                assertThat(Report.dottedPath(e)).isEqualTo(a.path());
            });
        }
        if (a.rule().fatal()) {
            assertThat(Ignition.parse(a.json()).config()).isNull();
        }
        Statistics.label("rule").collect(a.rule());
        Statistics.label("version").collect(a.version().toString());
        Statistics.label("rule").coverage(cov -> {
            for (IgnitionRule r : IgnitionRule.values()) {
                cov.check(r).count(n -> n > 0);
            }
        });
        Statistics.label("version")
                .coverage(cov -> SpecVersion.stable()
                        .forEach(x -> cov.check(x.toString()).count(n -> n > 0)));
    }

    @Property(tries = 20)
    void edgeCases_areValidForEveryVersion(@ForAll("versions") SpecVersion v) {
        for (Config c : List.of(
                IgnitionArbitraries.everyField(v),
                IgnitionArbitraries.unicodeAndDeep(v),
                Config.EMPTY.withVersion(v.toString()))) {
            assertThat(Ignition.validate(c).entries()).as("%s %s", v, c).isEmpty();
            assertThat(Ignition.parse(Ignition.write(c, v)).report().entries())
                    .as("%s %s", v, c)
                    .isEmpty();
        }
    }

    @Provide
    Arbitrary<SpecVersion> versions() {
        return Arbitraries.of(SpecVersion.stable());
    }
}
