package dev.cellguard.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local.sh} ends here: starts the local stack, prints every URL, the operator API's
 * tokens and the demo's commands, and runs until Ctrl-C, which stops everything and frees every port.
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Route the embedded servers' logging through one console format before anything logs.
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        Path home = Path.of(System.getProperty("cellguard.home", ".")).toAbsolutePath().normalize();
        System.out.println("Starting cellguard's local stack from " + home + " ...");
        LocalStackConfig config = LocalStackConfig.standard(home);
        LocalStack stack;
        try {
            stack = LocalStack.start(config);
        } catch (RuntimeException e) {
            System.err.println("cellguard local stack did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping cellguard's local stack ...");
            stack.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "local-stack-shutdown"));

        System.out.println();
        System.out.println("cellguard is running. Press Ctrl-C to stop everything.");
        stack.urls().forEach((what, url) -> System.out.printf("  %-26s %s%n", what, url));
        URI orchestrator = stack.serviceUrl("failover-orchestrator");
        printTokens(stack, config.workDir(), orchestrator);
        String arcEndpoint = stack.arc().endpoints().get(0).url().toString();
        System.out.printf("""
                Try a failover:
                  curl -X POST %1$s/fail
                  curl -s -H "Authorization: Bearer $VIEWER_TOKEN" %2$s/api/state
                  AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x aws route53-recovery-cluster get-routing-control-state \\
                      --region us-west-2 --endpoint-url %3$s --routing-control-arn %4$s
                  curl -s -H "Authorization: Bearer $AUDITOR_TOKEN" '%5$s/api/audit/events?limit=20'
                  curl -X POST %1$s/recover
                %n""",
                stack.cell(LocalStack.PRIMARY_CELL).baseUrl(), orchestrator,
                arcEndpoint, LocalStack.PRIMARY_ROUTING_CONTROL_ARN, stack.serviceUrl("audit-service"));
        stopped.await();
    }

    /**
     * Prints the operator API's tokens, ready to paste, and writes them to {@code tokens.env} in the
     * work directory (owner-only, git-ignored) for {@code source} in another shell.
     */
    private static void printTokens(LocalStack stack, Path workDir, URI orchestrator) {
        Map<String, String> tokens = new LinkedHashMap<>();
        LocalStack.TOKEN_ROLES.forEach(role -> tokens.put(role.toUpperCase(Locale.ROOT) + "_TOKEN", stack.token(role)));
        Path file = workDir.resolve("tokens.env");
        writeTokens(file, tokens);
        System.out.printf("%nAPI tokens for the readiness, operator and audit APIs (issuer %s, valid %d h, for this run only; also in %s):%n",
                stack.tokenIssuer(), LocalStack.TOKEN_VALIDITY.toHours(), file);
        tokens.forEach((name, token) -> System.out.printf("  export %s=%s%n", name, token));
        System.out.printf("""

                Use them (or first: source %2$s):
                  curl -s -H "Authorization: Bearer $VIEWER_TOKEN" '%1$s/api/decisions?limit=10'
                  curl -s -X POST -H "Authorization: Bearer $OPERATOR_TOKEN" -H 'Content-Type: application/json' \\
                      -d '{"targetCell":"%3$s","reason":"drill"}' %1$s/api/failover
                  curl -s -X POST -H "Authorization: Bearer $OPERATOR_TOKEN" -H 'Content-Type: application/json' \\
                      -d '{"reason":"game day"}' %1$s/api/automation/freeze
                  curl -s -X POST -H "Authorization: Bearer $OPERATOR_TOKEN" %1$s/api/automation/unfreeze
                  curl -s %1$s/q/openapi    (every route; docs/operator-api.md)
                %n""", orchestrator, file, LocalStack.SECONDARY_CELL);
    }

    private static void writeTokens(Path file, Map<String, String> tokens) {
        StringBuilder lines = new StringBuilder("# cellguard local stack: API tokens, valid for ")
                .append(LocalStack.TOKEN_VALIDITY.toHours()).append(" h and only while the stack that wrote them runs\n");
        tokens.forEach((name, token) -> lines.append("export ").append(name).append('=').append(token).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, lines);
        } catch (IOException e) {
            System.err.println("Cannot write " + file + ": " + e.getMessage());
        }
    }
}
