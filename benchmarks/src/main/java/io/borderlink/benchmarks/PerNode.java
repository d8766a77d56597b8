package io.borderlink.benchmarks;

import static io.borderlink.benchmarks.LoadGenerator.seconds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Locale;

/**
 * One node's share of a measured window when several run: the exchanges it accepted, its CPU (from /proc, as
 * for one gateway) and the statements it issued ({@code pg_stat_statements}, by its login role), over the
 * window. Deliveries are claimed by whichever node is free, so a node's CPU and statements also carry work for
 * exchanges other nodes accepted: hence the figures per exchange of the cluster beside those per own exchange.
 */
record PerNode(String node, long accepted, long cpuNanos, Statements.Counts statements) {

    /** The nodes' table and the statements the cluster called most, as the text report shows them. */
    static String text(List<PerNode> nodes, List<Statements.Top> top, long clusterAccepted, double window) {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "per node, over the window (the gateway CPU above is their sum; statements from"
                        + " pg_stat_statements by each node's login role, without BEGIN, COMMIT, SET)%n"
                        + "  %-8s %8s %7s %6s %12s %12s %10s %10s %10s %10s%n",
                "node",
                "accepted",
                "CPU s",
                "cores",
                "ms/own exch",
                "ms/cluster",
                "statements",
                "/own exch",
                "/cluster",
                "rows/clus."));
        for (PerNode node : nodes) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-8s %8d %7.1f %6.2f %12.1f %12.1f %10d %10.1f %10.1f %10.1f%n",
                    node.node,
                    node.accepted,
                    seconds(node.cpuNanos),
                    seconds(node.cpuNanos) / window,
                    per(node.cpuNanos / 1e6, node.accepted),
                    per(node.cpuNanos / 1e6, clusterAccepted),
                    node.statements.calls(),
                    per(node.statements.calls(), node.accepted),
                    per(node.statements.calls(), clusterAccepted),
                    per(node.statements.rows(), clusterAccepted)));
        }
        out.append(String.format(Locale.ROOT, "top %d statements by calls over the window, all nodes:%n", top.size()));
        out.append(String.format(
                Locale.ROOT, "  %8s %8s %8s %9s  %s%n", "calls", "/exch", "rows", "ms total", "statement"));
        for (Statements.Top statement : top) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %8d %8.2f %8d %9.0f  %s%n",
                    statement.calls(),
                    per(statement.calls(), clusterAccepted),
                    statement.rows(),
                    statement.millis(),
                    statement.query()));
        }
        return out.toString();
    }

    /** The same figures in result.json: one object per node. */
    static void json(ArrayNode array, List<PerNode> nodes, long clusterAccepted) {
        for (PerNode node : nodes) {
            array.addObject()
                    .put("node", node.node)
                    .put("accepted", node.accepted)
                    .put("cpuSeconds", node.cpuNanos / 1e9)
                    .put("cpuMillisPerOwnExchange", per(node.cpuNanos / 1e6, node.accepted))
                    .put("cpuMillisPerClusterExchange", per(node.cpuNanos / 1e6, clusterAccepted))
                    .put("statements", node.statements.calls())
                    .put("statementRows", node.statements.rows())
                    .put("statementsPerOwnExchange", per(node.statements.calls(), node.accepted))
                    .put("statementsPerClusterExchange", per(node.statements.calls(), clusterAccepted));
        }
    }

    static void json(ArrayNode array, List<Statements.Top> top) {
        top.forEach(statement -> array.addObject()
                .put("query", statement.query())
                .put("calls", statement.calls())
                .put("rows", statement.rows())
                .put("totalMillis", statement.millis()));
    }

    private static double per(double amount, long exchanges) {
        return exchanges == 0 ? 0 : amount / exchanges;
    }
}
