package dev.cellguard.launcher;

import dev.cellguard.testsupport.DemoCell;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one demo cell alone (the compose stack runs two): {@code --name us-west-2 --port 8080
 * [--bind 0.0.0.0]}.
 */
public final class DemoCellMain {

    private DemoCellMain() {
    }

    public static void main(String[] argv) throws InterruptedException {
        Args args = new Args(argv);
        DemoCell cell = DemoCell.start(args.get("name", "us-west-2"), args.get("bind", "127.0.0.1"), args.port("port", 8080));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cell.close();
            stopped.countDown();
        }));
        System.out.println("Demo cell " + cell.name() + " on " + cell.baseUrl() + " (GET /health, /info; POST /fail, /recover)");
        stopped.await();
    }
}
