package dev.coreos4j.ignition.merge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.problem.JsonPath;
import org.junit.jupiter.api.Test;

class MergeTest {

    private static Config parse(String json) {
        return Ignition.parse(json).configOrThrow();
    }

    @Test
    void merge_childScalarWinsAndNullKeepsParent() {
        Config parent = parse("""
                {"ignition":{"version":"3.6.0"},"storage":{"files":[{"path":"/a","mode":420,"overwrite":true,
                 "contents":{"source":"data:,x"}}]}}""");
        Config child = parse("""
                {"ignition":{"version":"3.6.0"},"storage":{"files":[{"path":"/a","mode":384}]}}""");
        Config.File f = Merge.merge(parent, child).config().storage().files().get(0);
        assertThat(f.mode()).isEqualTo(384L);
        assertThat(f.overwrite()).isTrue();
        assertThat(f.contents().source()).isEqualTo("data:,x");
    }

    @Test
    void merge_childFalseOverridesParentTrue() {
        Config parent = parse(
                "{\"ignition\":{\"version\":\"3.6.0\"},\"systemd\":{\"units\":[{\"name\":\"a.service\",\"enabled\":true}]}}");
        Config child = parse(
                "{\"ignition\":{\"version\":\"3.6.0\"},\"systemd\":{\"units\":[{\"name\":\"a.service\",\"enabled\":false}]}}");
        assertThat(Merge.merge(parent, child).config().systemd().units().get(0).enabled())
                .isFalse();
    }

    @Test
    void merge_fileReplacedByDirectoryInSharedKeySpace() {
        Config parent = parse("""
                {"ignition":{"version":"3.6.0"},"storage":{"files":[{"path":"/x"},{"path":"/y"}]}}""");
        Config child = parse("""
                {"ignition":{"version":"3.6.0"},"storage":{"directories":[{"path":"/x"}]}}""");
        MergeResult r = Merge.merge(parent, child);
        assertThat(r.config().storage().files()).extracting(Config.File::path).containsExactly("/y");
        assertThat(r.config().storage().directories())
                .extracting(Config.Directory::path)
                .containsExactly("/x");
        assertThat(r.transcript().sourcesOf(JsonPath.parse("$.storage.files[0]")))
                .containsExactly(new Transcript.Mapping(
                        JsonPath.parse("$.storage.files[0]"), Side.PARENT, JsonPath.parse("$.storage.files[1]")));
        assertThat(r.transcript().sourcesOf(JsonPath.parse("$.storage.directories[0].path")))
                .containsExactly(new Transcript.Mapping(
                        JsonPath.parse("$.storage.directories[0].path"),
                        Side.CHILD,
                        JsonPath.parse("$.storage.directories[0].path")));
    }

    @Test
    void merge_kernelArgumentMovesBetweenShouldExistAndShouldNotExist() {
        Config parent = parse("""
                {"ignition":{"version":"3.6.0"},"kernelArguments":{"shouldExist":["quiet","a=1"]}}""");
        Config child = parse("""
                {"ignition":{"version":"3.6.0"},"kernelArguments":{"shouldNotExist":["quiet"]}}""");
        Config.KernelArguments k = Merge.merge(parent, child).config().kernelArguments();
        assertThat(k.shouldExist()).containsExactly("a=1");
        assertThat(k.shouldNotExist()).containsExactly("quiet");
    }

    @Test
    void merge_nullHeaderValueDeletesParentHeader() {
        Config parent = parse("""
                {"ignition":{"version":"3.6.0","config":{"merge":[{"source":"https://e/x",
                 "httpHeaders":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}]}}}""");
        Config child = parse("""
                {"ignition":{"version":"3.6.0","config":{"merge":[{"source":"https://e/x",
                 "httpHeaders":[{"name":"A"},{"name":"C","value":"3"}]}]}}}""");
        assertThat(Merge.merge(parent, child)
                        .config()
                        .ignition()
                        .config()
                        .merge()
                        .get(0)
                        .httpHeaders())
                .extracting(Config.HttpHeader::name)
                .containsExactly("B", "C");
    }

    @Test
    void merge_nestedDropinsMergeByName() {
        Config parent = parse("""
                {"ignition":{"version":"3.6.0"},"systemd":{"units":[{"name":"a.service","dropins":[
                 {"name":"1.conf","contents":"[Unit]\\n"},{"name":"2.conf"}]}]}}""");
        Config child = parse("""
                {"ignition":{"version":"3.6.0"},"systemd":{"units":[{"name":"a.service","dropins":[
                 {"name":"2.conf","contents":"[Service]\\n"},{"name":"3.conf"}]}]}}""");
        Config.Unit u = Merge.merge(parent, child).config().systemd().units().get(0);
        assertThat(u.dropins()).extracting(Config.Dropin::name).containsExactly("1.conf", "2.conf", "3.conf");
        assertThat(u.dropins().get(1).contents()).isEqualTo("[Service]\n");
    }

    @Test
    void merge_childFileInheritsParentCompressionUnlessExplicit() {
        Config parent = parse("""
                {"ignition":{"version":"3.6.0"},"storage":{"files":[{"path":"/a","contents":{
                 "source":"data:;base64,H4sIAAAAAAAA/8rIBAAAAP//AQAA//8AAAAAAAAAAA==","compression":"gzip"}}]}}""");
        Config child = parse("""
                {"ignition":{"version":"3.6.0"},"storage":{"files":[{"path":"/a","contents":{"source":"data:,b"}}]}}""");
        assertThat(Merge.merge(parent, child)
                        .config()
                        .storage()
                        .files()
                        .get(0)
                        .contents()
                        .compression())
                .isEqualTo("gzip");
        Config explicit = parse("""
                {"ignition":{"version":"3.6.0"},"storage":{"files":[{"path":"/a","contents":{"source":"data:,b",
                 "compression":""}}]}}""");
        assertThat(Merge.merge(parent, explicit)
                        .config()
                        .storage()
                        .files()
                        .get(0)
                        .contents()
                        .compression())
                .isEmpty();
    }

    @Test
    void merge_unionsSshKeysAndConcatenatesAppend() {
        Config parent = parse("""
                {"ignition":{"version":"3.6.0"},"passwd":{"users":[{"name":"core","sshAuthorizedKeys":["k1","k2"]}]},
                 "storage":{"files":[{"path":"/a","append":[{"source":"data:,x"}]}]}}""");
        Config child = parse("""
                {"ignition":{"version":"3.6.0"},"passwd":{"users":[{"name":"core","sshAuthorizedKeys":["k2","k3"]}]},
                 "storage":{"files":[{"path":"/a","append":[{"source":"data:,x"}]}]}}""");
        Config merged = Merge.merge(parent, child).config();
        assertThat(merged.passwd().users().get(0).sshAuthorizedKeys()).containsExactly("k1", "k2", "k3");
        assertThat(merged.storage().files().get(0).append()).hasSize(2);
    }

    @Test
    void merge_partitionNumberAndLabelKeysDoNotMatch() {
        Config parent = parse("""
                {"ignition":{"version":"3.6.0"},"storage":{"disks":[{"device":"/dev/sda","partitions":[
                 {"number":1,"label":"root"}]}]}}""");
        Config child = parse("""
                {"ignition":{"version":"3.6.0"},"storage":{"disks":[{"device":"/dev/sda","partitions":[
                 {"label":"root","sizeMiB":10}]}]}}""");
        Config merged = Merge.merge(parent, child).config();
        assertThat(merged.storage().disks().get(0).partitions()).hasSize(2);
        assertThat(Ignition.validate(merged).isValid()).isFalse();
    }

    @Test
    void transcript_mapsLeavesAndWholeObjectsButNotMergedObjects() {
        Config parent =
                parse("{\"ignition\":{\"version\":\"3.6.0\"},\"storage\":{\"files\":[{\"path\":\"/a\",\"mode\":420},"
                        + "{\"path\":\"/b\",\"user\":{\"name\":\"core\"}}]}}");
        Config child = parse(
                "{\"ignition\":{\"version\":\"3.6.0\"},\"storage\":{\"files\":[{\"path\":\"/a\",\"overwrite\":false}]}}");
        Transcript t = Merge.merge(parent, child).transcript();
        assertThat(t.sourcesOf(JsonPath.parse("$.storage.files[0]"))).isEmpty();
        assertThat(t.sourcesOf(JsonPath.parse("$.storage.files[0].mode")))
                .containsExactly(new Transcript.Mapping(
                        JsonPath.parse("$.storage.files[0].mode"),
                        Side.PARENT,
                        JsonPath.parse("$.storage.files[0].mode")));
        assertThat(t.sourcesOf(JsonPath.parse("$.storage.files[0].path")))
                .extracting(Transcript.Mapping::side)
                .containsExactly(Side.CHILD);
        assertThat(t.sourcesOf(JsonPath.parse("$.storage.files[1]")))
                .extracting(Transcript.Mapping::side)
                .containsExactly(Side.PARENT);
        assertThat(t.sourcesOf(JsonPath.parse("$.storage.files"))).isEmpty();
        assertThat(t.sourcesOf(JsonPath.parse("$.ignition.version")))
                .extracting(Transcript.Mapping::side)
                .containsExactly(Side.CHILD);
        assertThat(t.toString())
                .contains("child:$.storage.files[0].overwrite \u2192 $.storage.files[0].overwrite")
                .contains("parent:$.storage.files[1].user.name \u2192 $.storage.files[1].user.name\n"
                        + "parent:$.storage.files[1].user \u2192 $.storage.files[1].user\n");
    }

    @Test
    void keyOf_rejectsNonListItems() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Merge.keyOf(Config.EMPTY));
    }
}
