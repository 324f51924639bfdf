package dev.cellguard.support.sqs;

import dev.cellguard.contracts.EventCodec;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one {@link EventCodec} of a service: schemas are loaded once. */
@Singleton
public class Codecs {

    @Produces
    @Singleton
    EventCodec eventCodec() {
        return new EventCodec();
    }
}
