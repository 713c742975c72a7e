package dev.coreos4j.ostree.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KernelArgsTest {

    private static KernelArgs edit(String cmdline, KargEdit... edits) throws KernelArgs.KargException {
        return KernelArgs.parse(cmdline).edit(List.of(edits));
    }

    @Test
    void parse_dropsOstreeBootlinkAndKeepsQuotes() {
        KernelArgs k = KernelArgs.parse("root=LABEL=root  quiet ostree=/ostree/boot.1/x/y/0 foo=\"a b\"");
        assertThat(k.args()).containsExactly("root=LABEL=root", "quiet", "foo=\"a b\"");
        assertThat(k.toString()).isEqualTo("root=LABEL=root quiet foo=\"a b\"");
    }

    @Test
    void bootlinkPosition_isKeptThroughEdits() throws Exception {
        KernelArgs k = KernelArgs.parse("root=LABEL=root quiet ostree=/ostree/boot.1/os/abc/0");
        assertThat(k.bootlinkAt()).isEqualTo(2);
        KernelArgs edited = k.edit(List.of(KargEdit.append("extra=1")));
        assertThat(edited.toOptions("/ostree/boot.0/os/abc/1"))
                .isEqualTo("root=LABEL=root quiet ostree=/ostree/boot.0/os/abc/1 extra=1");
        assertThat(edited.edit(List.of(KargEdit.delete("root"))).toOptions("B")).isEqualTo("quiet ostree=B extra=1");
        assertThat(KernelArgs.parse("a b").toOptions("B")).isEqualTo("a b ostree=B");
        assertThat(KernelArgs.parse("ostree=X a").bootlinkAt()).isZero();
    }

    @Test
    void set_replacesAllValuesOfKeyAtFirstPosition() throws Exception {
        assertThat(edit("console=tty0 quiet console=ttyS0", KargEdit.set("console=hvc0"))
                        .args())
                .containsExactly("console=hvc0", "quiet");
        assertThat(edit("quiet", KargEdit.set("a=1")).args()).containsExactly("quiet", "a=1");
    }

    @Test
    void append_andAppendIfMissing() throws Exception {
        assertThat(edit("a=1", KargEdit.append("a=1")).args()).containsExactly("a=1", "a=1");
        assertThat(edit("a=1", new KargEdit(KargEdit.Op.APPEND_IF_MISSING, "a=1"))
                        .args())
                .containsExactly("a=1");
    }

    @Test
    void replace_singleValueAndOldNew() throws Exception {
        assertThat(edit("a=1 b", new KargEdit(KargEdit.Op.REPLACE, "a=2")).args())
                .containsExactly("a=2", "b");
        assertThat(edit("c=x c=y", new KargEdit(KargEdit.Op.REPLACE, "c=y=z")).args())
                .containsExactly("c=x", "c=z");
        assertThatThrownBy(() -> edit("c=x c=y", new KargEdit(KargEdit.Op.REPLACE, "c=z")))
                .hasMessage("Multiple values for key 'c' found");
        assertThatThrownBy(() -> edit("", new KargEdit(KargEdit.Op.REPLACE, "c=z")))
                .hasMessage("No karg with key 'c' found");
    }

    @Test
    void delete_valueKeyAndRefusals() throws Exception {
        assertThat(edit("a=1 b=2", KargEdit.delete("a=1")).args()).containsExactly("b=2");
        assertThat(edit("a=1 b=2", KargEdit.delete("b")).args()).containsExactly("a=1");
        assertThatThrownBy(() -> edit("c=x c=y", KargEdit.delete("c"))).hasMessage("Multiple values for key 'c' found");
        assertThatThrownBy(() -> edit("a", KargEdit.delete("b"))).hasMessage("No karg 'b' found");
        assertThat(edit("a", new KargEdit(KargEdit.Op.DELETE_IF_PRESENT, "b")).args())
                .containsExactly("a");
    }

    @Test
    void ostreeKarg_isRejected() {
        assertThatThrownBy(() -> new KernelArgs(List.of("ostree=/x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> edit("", KargEdit.append("ostree=/x"))).isInstanceOf(KernelArgs.KargException.class);
        assertThatThrownBy(() -> KargEdit.append("a b")).hasMessageContaining("white space");
    }
}
