package dev.cellguard.support.sqs;

import dev.cellguard.contracts.EventCodec;
import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.InvalidEventException;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.aws.sqs.SqsIncomingMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads an incoming SQS message as a cellguard event, whoever sent it: the body is JSON text and the
 * event's own {@code type} field decides what it is. A message that is not a valid event is logged
 * with its message id and reason and nacked, so the queue's redrive policy moves it to the DLQ after
 * {@code maxReceiveCount} receives; the consumer goes on with the next message.
 */
@ApplicationScoped
public class InboundEvents {

    private final EventCodec codec;

    @Inject
    public InboundEvents(EventCodec codec) {
        this.codec = codec;
    }

    /** The event, or empty after nacking a message that is not one. */
    public Optional<EventEnvelope<?>> decode(Message<?> message) {
        String messageId = messageId(message);
        Object payload = message.getPayload();
        if (!(payload instanceof String text)) {
            Log.warnf("Rejected SQS message %s: body is not text (%s); it goes to the DLQ after its last receive",
                    messageId, payload == null ? "null" : payload.getClass().getName());
            message.nack(new InvalidEventException(InvalidEventException.Reason.MALFORMED_JSON, "body is not text"));
            return Optional.empty();
        }
        try {
            return Optional.of(codec.fromJson(text));
        } catch (InvalidEventException e) {
            Log.warnf("Rejected SQS message %s: %s; it goes to the DLQ after its last receive", messageId, e.getMessage());
            message.nack(e);
            return Optional.empty();
        }
    }

    public static String messageId(Message<?> message) {
        return message.getMetadata(SqsIncomingMetadata.class)
                .map(m -> m.getMessage().messageId())
                .orElse("(no SQS metadata)");
    }
}
