package dev.ctx.schemas.auditlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 6962 tree hashes and audit paths, checked against the known-answer vectors of Certificate Transparency's
 * reference implementation (the eight test leaves and their roots and paths; recomputed independently in Python
 * when this test was written).
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    private static final List<byte[]> CT_LEAVES = Stream.of(
                    "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f")
            .map(HEX::parseHex)
            .toList();

    private static final List<String> CT_ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    static Stream<Arguments> ctPaths() {
        return Stream.of(
                Arguments.of(
                        0,
                        8,
                        List.of(
                                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                Arguments.of(
                        5,
                        8,
                        List.of(
                                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                Arguments.of(2, 3, List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
                Arguments.of(
                        1,
                        5,
                        List.of(
                                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));
    }

    @Test
    void rootOfEveryPrefixOfTheCtLeavesIsTheKnownAnswer() {
        for (int size = 1; size <= CT_LEAVES.size(); size++) {
            // When
            byte[] root = MerkleTree.root(CT_LEAVES.subList(0, size));
            // Then
            assertThat(HEX.formatHex(root)).as("root of %d leaves", size).isEqualTo(CT_ROOTS.get(size - 1));
        }
    }

    @Test
    void rootOfNoLeavesIsTheHashOfNothing() {
        assertThat(HEX.formatHex(MerkleTree.root(List.of())))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @ParameterizedTest(name = "leaf {0} of {1}")
    @MethodSource("ctPaths")
    void inclusionPathIsTheKnownAnswerAndVerifies(int index, int size, List<String> expected) {
        // Given
        List<byte[]> leaves = CT_LEAVES.subList(0, size);
        // When
        List<byte[]> path = MerkleTree.inclusionPath(leaves, index);
        // Then
        assertThat(path).extracting(HEX::formatHex).containsExactlyElementsOf(expected);
        assertThat(MerkleTree.verifyInclusion(
                        leaves.get(index), index, size, path, HEX.parseHex(CT_ROOTS.get(size - 1))))
                .isTrue();
    }

    @Test
    void builderAgreesWithTheRecursiveDefinitionForEverySizeUpTo70() {
        List<byte[]> leaves =
                IntStream.range(0, 70).mapToObj(i -> new byte[] {(byte) i, 7}).toList();
        MerkleTree.Builder builder = new MerkleTree.Builder();
        for (int size = 1; size <= leaves.size(); size++) {
            builder.append(leaves.get(size - 1));
            assertThat(builder.root()).as("size %d", size).isEqualTo(recursiveRoot(leaves.subList(0, size)));
            assertThat(builder.size()).isEqualTo(size);
        }
    }

    @Test
    void everyLeafOfEverySizeUpTo33VerifiesAndNoOtherLeafDoes() {
        List<byte[]> leaves =
                IntStream.range(0, 33).mapToObj(i -> new byte[] {(byte) i}).toList();
        for (int size = 1; size <= leaves.size(); size++) {
            List<byte[]> tree = leaves.subList(0, size);
            byte[] root = MerkleTree.root(tree);
            for (int index = 0; index < size; index++) {
                List<byte[]> path = MerkleTree.inclusionPath(tree, index);
                assertThat(MerkleTree.verifyInclusion(tree.get(index), index, size, path, root))
                        .isTrue();
                assertThat(MerkleTree.verifyInclusion(new byte[] {(byte) 99}, index, size, path, root))
                        .as("changed leaf")
                        .isFalse();
                if (size > 1) {
                    int other = (index + 1) % size;
                    assertThat(MerkleTree.verifyInclusion(tree.get(index), other, size, path, root))
                            .as("wrong index")
                            .isFalse();
                }
            }
        }
    }

    @Test
    void verifyInclusionRejectsAChangedRootATruncatedPathAndAnExtraStep() {
        // Given
        List<byte[]> tree = CT_LEAVES;
        List<byte[]> path = MerkleTree.inclusionPath(tree, 3);
        byte[] root = MerkleTree.root(tree);
        byte[] changedRoot = root.clone();
        changedRoot[0] ^= 1;
        List<byte[]> longer = new ArrayList<>(path);
        longer.add(new byte[32]);
        // Then
        assertThat(MerkleTree.verifyInclusion(tree.get(3), 3, 8, path, changedRoot))
                .isFalse();
        assertThat(MerkleTree.verifyInclusion(tree.get(3), 3, 8, path.subList(0, 2), root))
                .isFalse();
        assertThat(MerkleTree.verifyInclusion(tree.get(3), 3, 8, longer, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(tree.get(3), 3, 4, path, root))
                .as("wrong size")
                .isFalse();
        assertThat(MerkleTree.verifyInclusion(tree.get(3), 8, 8, path, root))
                .as("index past the end")
                .isFalse();
    }

    @Test
    void inclusionPathRefusesAnIndexOutsideTheTree() {
        assertThatThrownBy(() -> MerkleTree.inclusionPath(CT_LEAVES, 8)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] recursiveRoot(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return MerkleTree.leafHash(leaves.get(0));
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return MerkleTree.nodeHash(
                recursiveRoot(leaves.subList(0, k)), recursiveRoot(leaves.subList(k, leaves.size())));
    }

    @Test
    void builderResumedFromItsFrontierAtEverySizeUpTo40GivesTheSameRootAsOneThatNeverStopped() {
        // Given
        List<byte[]> leaves =
                IntStream.range(0, 40).mapToObj(i -> new byte[] {(byte) i}).toList();
        for (int stop = 0; stop <= leaves.size(); stop++) {
            MerkleTree.Builder first = new MerkleTree.Builder();
            leaves.subList(0, stop).forEach(first::append);

            // When
            MerkleTree.Builder resumed = MerkleTree.Builder.resume(first.size(), first.frontier());
            leaves.subList(stop, leaves.size()).forEach(resumed::append);

            // Then
            assertThat(first.frontier()).as("frontier at %d", stop).hasSize(Long.bitCount(stop));
            assertThat(HEX.formatHex(resumed.root()))
                    .as("root resumed at %d", stop)
                    .isEqualTo(HEX.formatHex(MerkleTree.root(leaves)));
        }
    }

    @Test
    void resumeRefusesAFrontierThatDoesNotFitTheSize() {
        assertThatThrownBy(() -> MerkleTree.Builder.resume(3, List.of(new byte[32])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.Builder.resume(1, List.of(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
