package dev.cellguard.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cellguard.support.sqs.CellguardQueues;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;

class EmbeddedInfrastructureTest {

    private static EmbeddedSqs sqs;
    private static SqsAsyncClient client;

    @BeforeAll
    static void start() {
        sqs = EmbeddedSqs.start(0);
        sqs.createQueues(List.of(CellguardQueues.AUDIT), 2, 1);
        client = sqs.newClient();
    }

    @AfterAll
    static void stop() {
        client.close();
        sqs.close();
    }

    @Test
    void fifoQueueDropsARetriedSendWithTheSameDeduplicationId() {
        String url = url(CellguardQueues.AUDIT);
        for (int i = 0; i < 2; i++) {
            client.sendMessage(b -> b.queueUrl(url).messageBody("same event").messageGroupId("orders/us-west-2")
                    .messageDeduplicationId("event-1")).join();
        }

        List<Message> received = client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                .join().messages();

        assertThat(received).extracting(Message::body).containsExactly("same event");
        client.deleteMessage(b -> b.queueUrl(url).receiptHandle(received.get(0).receiptHandle())).join();
    }

    @Test
    void aMessageNeverDeletedMovesToTheDeadLetterQueueAfterMaxReceiveCount() {
        String url = url(CellguardQueues.AUDIT);
        String dlqUrl = url(CellguardQueues.deadLetterQueueOf(CellguardQueues.AUDIT));
        client.sendMessage(b -> b.queueUrl(url).messageBody("poison").messageGroupId("g").messageDeduplicationId("p-1")).join();

        for (int receive = 0; receive < 2; receive++) {
            Message m = client.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).join().messages().get(0);
            client.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0)).join();
        }
        client.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).join();

        List<Message> dead = client.receiveMessage(b -> b.queueUrl(dlqUrl).waitTimeSeconds(1)).join().messages();
        assertThat(dead).extracting(Message::body).containsExactly("poison");
    }

    @Test
    void embeddedPostgresIsARealPostgres17() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0, null)) {
            String url = postgres.createDatabase("cellguard_check");
            try (var connection = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
                 ResultSet rs = connection.createStatement().executeQuery("SHOW server_version")) {
                rs.next();
                assertThat(rs.getString(1)).startsWith("17.");
            }
        }
    }

    private String url(String queue) {
        return client.getQueueUrl(b -> b.queueName(queue)).join().queueUrl();
    }
}
