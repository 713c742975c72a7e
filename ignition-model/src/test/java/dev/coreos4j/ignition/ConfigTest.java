package dev.coreos4j.ignition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.problem.Problem;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model's invariants: nested objects and lists never null, keys never null, lists immutable. */
class ConfigTest {

    @Test
    void emptyConstants_haveNoNullObjectsOrLists() throws Exception {
        List<Class<?>> records = new ArrayList<>(List.of(Config.class));
        records.addAll(Config.modelRecords());
        int checked = 0;
        for (Class<?> type : records) {
            if (!type.isRecord()) {
                continue;
            }
            Field empty;
            try {
                empty = type.getField("EMPTY");
            } catch (NoSuchFieldException e) {
                continue;
            }
            assertThat(Modifier.isStatic(empty.getModifiers())).isTrue();
            Object value = empty.get(null);
            assertThat(value).as(type.getSimpleName()).isNotNull();
            for (RecordComponent c : type.getRecordComponents()) {
                Object v = c.getAccessor().invoke(value);
                if (c.getType() == List.class || c.getType().isRecord()) {
                    assertThat(v).as(type.getSimpleName() + "." + c.getName()).isNotNull();
                }
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(15);
    }

    @Test
    void constructors_normaliseNullsAndCopyLists() {
        List<Config.File> files = new ArrayList<>();
        files.add(new Config.File(null, null, null, null, null, null, null));
        Config.Storage storage = new Config.Storage(null, null, files, null, null, null, null);
        files.clear();
        assertThat(storage.files()).hasSize(1);
        Config.File f = storage.files().get(0);
        assertThat(f.path()).isEmpty();
        assertThat(f.contents()).isEqualTo(Config.Resource.EMPTY);
        assertThat(f.user()).isEqualTo(Config.NodeUser.EMPTY);
        assertThat(f.mode()).isNull();
        assertThatThrownBy(() -> storage.files().add(f)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withVersion_replacesOnlyTheVersion() {
        Config c = Ignition.parse("{\"ignition\":{\"version\":\"3.2.0\",\"timeouts\":{\"httpTotal\":5}}}")
                .config();
        Config v = c.withVersion("3.4.0");
        assertThat(v.ignition().version()).isEqualTo("3.4.0");
        assertThat(v.ignition().timeouts()).isEqualTo(c.ignition().timeouts());
    }

    @Test
    void beanValidation_reportsUnderJsonPropertyNames() {
        Config c = new Config(
                new Config.Ignition(null, null, null, null, "3.6.0"),
                null,
                null,
                new Config.Storage(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(new Config.Raid(List.of("/dev/a", "sda"), "raid1", "md0", null, null))),
                new Config.Systemd(List.of(
                        new Config.Unit(null, List.of(new Config.Dropin(null, "x")), null, null, "a.service"))));
        assertThat(Ignition.validate(c).errors())
                .extracting(Report::dottedPath, Problem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("$.storage.raid.0.devices.1", "path not absolute"),
                        org.assertj.core.groups.Tuple.tuple(
                                "$.systemd.units.0.dropins.0.name", "invalid systemd drop-in extension"));
    }
}
