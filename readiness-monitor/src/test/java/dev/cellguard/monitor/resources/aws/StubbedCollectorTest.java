package dev.cellguard.monitor.resources.aws;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * An AWS collector under test against the local stub: the stub starts once per test class and is
 * reset before each test; the collector is new for each test (2 s API call timeout) and closed after it.
 */
abstract class StubbedCollectorTest<C extends AwsCollector> {

    static AwsStub aws;
    C collector;

    /** The collector under test, on the given clients. */
    abstract C newCollector(AwsClients clients);

    @BeforeAll
    static void startStub() {
        aws = new AwsStub();
    }

    @AfterAll
    static void stopStub() {
        aws.close();
    }

    @BeforeEach
    void freshCollector() {
        aws.server.resetAll();
        collector = newCollector(aws.clients(Duration.ofSeconds(2)));
    }

    @AfterEach
    void closeCollector() {
        collector.close();
    }
}
