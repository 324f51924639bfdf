package dev.cellguard.monitor.resources.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstanceSizesTest {

    @ParameterizedTest(name = "{0} counts {1}")
    @CsvSource({
            "t3.nano, 0.25",
            "t3.micro, 0.5",
            "t3.small, 1",
            "t3.medium, 2",
            "m5.large, 4",
            "m5.xlarge, 8",
            "c5.4xlarge, 32",
            "m6i.32xlarge, 256",
            "m7i-flex.2xlarge, 16",
            "u-6tb1.112xlarge, 896",
            "m7i.metal-24xl, 192",
            "m7i.metal-48xl, 384",
            "db.r6g.large, 4",
            "db.r6g.2xlarge, 16",
            "DB.R5.XLARGE, 8"})
    void usesAwsNormalizationFactors(String type, double factor) {
        assertThat(InstanceSizes.normalizationFactor(type, List.of())).hasValue(factor);
    }

    @Test
    void bareMetalCountsAsTheLargestKnownSizeOfItsFamily() {
        assertThat(InstanceSizes.normalizationFactor("i3.metal", List.of("i3.16xlarge", "i3.4xlarge", "m5.24xlarge", "i3.metal")))
                .hasValue(128);
    }

    @Test
    void bareMetalWithoutAHintCountsAs24xlarge() {
        assertThat(InstanceSizes.normalizationFactor("c5.metal", List.of("c5.metal", "m5.large")))
                .hasValue(InstanceSizes.METAL_DEFAULT_FACTOR);
    }

    @Test
    void unknownSizesHaveNoFactor() {
        assertThat(InstanceSizes.normalizationFactor("m5.huge", List.of())).isEqualTo(OptionalDouble.empty());
        assertThat(InstanceSizes.normalizationFactor("m5", List.of())).isEmpty();
        assertThat(InstanceSizes.normalizationFactor(null, List.of())).isEmpty();
    }
}
