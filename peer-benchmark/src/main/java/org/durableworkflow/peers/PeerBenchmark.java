package org.durableworkflow.peers;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.durableworkflow.peers.chart.PeerChart;
import org.durableworkflow.peers.chart.PeerTable;
import org.durableworkflow.peers.dbos.DbosOrderPeer;
import org.durableworkflow.peers.flowable.FlowableOrderPeer;
import org.durableworkflow.peers.measure.BenchmarkSettings;
import org.durableworkflow.peers.measure.Figures;
import org.durableworkflow.peers.measure.OrderBenchmark;
import org.durableworkflow.peers.order.OrderPeer;

/**
 * Runs the order-workflow benchmark on the peers named by the first argument ({@code dbos}, {@code flowable} or
 * {@code dbos,flowable}), writes each peer's figures, then charts every result file.
 */
public final class PeerBenchmark {

    private PeerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> peers = List.of((args.length == 0 ? "" : args[0]).split(","));
        Path results = Path.of(System.getProperty("peers.results", "target/results"));
        if (peers.size() == 1) {
            runHere(peers.get(0), results);
        } else {
            // One JVM per peer, so that no peer's threads, heap or JIT state is measured with another's.
            for (String peer : peers) runInChildJvm(peer.strip());
        }
        PeerChart.draw(results);
        PeerTable.write(results);
        // Engines may leave non-daemon threads behind after closing.
        System.exit(0);
    }

    private static void runHere(String name, Path results) throws Exception {
        OrderPeer peer = switch (name.strip()) {
            case "dbos" -> new DbosOrderPeer();
            case "flowable" -> new FlowableOrderPeer();
            default -> throw new IllegalArgumentException("name peers: dbos, flowable or dbos,flowable");
        };
        Figures figures = new Figures(results.resolve(peer.name() + ".json"));
        new OrderBenchmark(peer, figures, BenchmarkSettings.fromSystemProperties()).run();
        System.out.println(figures.toJson());
    }

    /** The same java, options and class path as this JVM, for one peer. */
    private static void runInChildJvm(String peer) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PeerBenchmark.class.getName(), peer));
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) System.out.println("[" + peer + "] exited with " + exit);
    }
}
