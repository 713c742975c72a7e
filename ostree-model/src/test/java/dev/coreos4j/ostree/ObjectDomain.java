package dev.coreos4j.ostree;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.DomainContextBase;

/** The module's jqwik domain: OSTree names, checksums, xattrs and objects. */
public class ObjectDomain extends DomainContextBase {

    /** Valid dirtree names, including non-ASCII ones whose UTF-8 and UTF-16 orders differ. */
    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> ascii = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> unicode = Arbitraries.of("caf\u00e9", "\uFB01", "\uD83D\uDE00", "\u65e5\u672c", "a\u0301",
                "\uFFFD", "_", "B", "a");
        return Arbitraries.oneOf(ascii, unicode)
                .filter(n -> Names.whyInvalidFilename(n) == null);
    }

    @Provide
    Arbitrary<Checksum> checksums() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32).map(Checksum::fromBytes);
    }

    @Provide
    Arbitrary<List<Xattr>> xattrLists() {
        Arbitrary<Xattr> x = Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6).map(s -> "user." + s),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(8)).as(Xattr::new);
        return x.list().ofMaxSize(3).uniqueElements(Xattr::name);
    }

    @Provide
    Arbitrary<FileHeader> fileHeaders() {
        Arbitrary<Integer> ids = Arbitraries.of(0, 1, 1000, 65534, -2);
        Arbitrary<Integer> perms = Arbitraries.integers().between(0, 07777);
        Arbitrary<FileHeader> regular = Combinators.combine(ids, ids, perms, xattrLists())
                .as(FileHeader::regular);
        Arbitrary<FileHeader> symlink = Combinators.combine(ids, ids,
                Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(40), xattrLists())
                .as(FileHeader::symlink);
        return Arbitraries.oneOf(regular, symlink);
    }

    @Provide
    Arbitrary<DirMeta> dirMetas() {
        Arbitrary<Integer> ids = Arbitraries.of(0, 1, 1000);
        return Combinators.combine(ids, ids, Arbitraries.integers().between(0, 07777), xattrLists())
                .as(DirMeta::of);
    }

    @Provide
    Arbitrary<DirTree> dirTrees() {
        return names().list().ofMaxSize(12).uniqueElements().flatMap(names -> {
            int split = names.size() / 2;
            Arbitrary<List<Checksum>> sums = checksums().list().ofSize(names.size() * 2);
            return sums.map(cs -> {
                List<DirTree.FileEntry> files = new ArrayList<>();
                List<DirTree.DirEntry> dirs = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    if (i < split) {
                        files.add(new DirTree.FileEntry(names.get(i), cs.get(i)));
                    } else {
                        dirs.add(new DirTree.DirEntry(names.get(i), cs.get(i), cs.get(names.size() + i)));
                    }
                }
                return new DirTree(files, dirs);
            });
        });
    }

    @Provide
    Arbitrary<Metadata> metadatas() {
        Arbitrary<Variant> values = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300).filter(s -> s.indexOf('\0') < 0
                        && s.chars().noneMatch(ch -> Character.isSurrogate((char) ch))).map(Variant::ofString),
                Arbitraries.strings().withCharRange('a', 'z').list().ofMaxSize(4).map(Variant::ofStrings),
                Arbitraries.of(true, false).map(Variant::ofBoolean),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(70).list().ofMaxSize(3).map(Variant::ofByteArrays));
        Arbitrary<Metadata.Entry> entries = Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10), values)
                .as(Metadata.Entry::new);
        return entries.list().ofMaxSize(5).uniqueElements(Metadata.Entry::key).map(Metadata::new);
    }

    @Provide
    Arbitrary<CommitObject> commits() {
        return Combinators.combine(metadatas(), checksums().optional(), Arbitraries.strings().ofMaxLength(30)
                        .filter(s -> s.indexOf('\0') < 0 && s.chars().noneMatch(ch -> Character.isSurrogate((char) ch))),
                Arbitraries.longs().between(0, 4_000_000_000L), checksums(), checksums())
                .as((m, parent, subject, ts, tree, meta) -> new CommitObject(m, parent, List.of(), subject,
                        subject.isEmpty() ? "" : "body of " + subject, ts, tree, meta));
    }
}
