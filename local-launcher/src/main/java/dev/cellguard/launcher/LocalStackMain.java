package dev.cellguard.launcher;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local.sh} ends here: starts the local stack, prints every URL and the demo's
 * commands, and runs until Ctrl-C, which stops everything and frees every port.
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Route the embedded servers' logging through one console format before anything logs.
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        Path home = Path.of(System.getProperty("cellguard.home", ".")).toAbsolutePath().normalize();
        System.out.println("Starting cellguard's local stack from " + home + " ...");
        LocalStack stack;
        try {
            stack = LocalStack.start(LocalStackConfig.standard(home));
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
        String arcEndpoint = stack.arc().endpoints().get(0).url().toString();
        System.out.printf("""

                Try a failover:
                  curl -X POST %1$s/fail
                  curl -s %2$s/api/state
                  AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x aws route53-recovery-cluster get-routing-control-state \\
                      --region us-west-2 --endpoint-url %3$s --routing-control-arn %4$s
                  curl -s '%5$s/api/audit/events?limit=20'
                  curl -X POST %1$s/recover
                %n""",
                stack.cell(LocalStack.PRIMARY_CELL).baseUrl(), stack.serviceUrl("failover-orchestrator"),
                arcEndpoint, LocalStack.PRIMARY_ROUTING_CONTROL_ARN, stack.serviceUrl("audit-service"));
        stopped.await();
    }
}
