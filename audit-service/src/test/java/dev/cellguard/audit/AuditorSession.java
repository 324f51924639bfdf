package dev.cellguard.audit;

import dev.cellguard.support.security.Roles;
import dev.cellguard.testsupport.BearerSession;

/** For audit API tests: every request carries an auditor's token (the JWT test resource's). */
abstract class AuditorSession extends BearerSession {

    @Override
    protected String role() {
        return Roles.AUDITOR;
    }
}
