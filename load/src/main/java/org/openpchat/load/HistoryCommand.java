package org.openpchat.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.openpchat.load.sip.UserAgent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What a client does on opening a room: join it and ask for its newest messages
 * ({@code cmd:join}, then {@code cmd:bccontext} with {@code last cnt}); timed together, then the
 * user leaves ({@code cmd:part}, not timed). {@code --workers} do this in a closed loop for
 * {@code --duration} seconds, each time with the user idle longest, so that each user stays at a
 * person's pace (the server limits requests per user).
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Users join a room and read its newest messages, again and again; measures join + history.")
final class HistoryCommand implements Callable<Integer> {

    @Mixin
    Target target;

    @Option(names = "--room", paramLabel = "NAME", required = true, description = "The room with the history.")
    String room;

    @Option(names = "--users", paramLabel = "N", defaultValue = "200",
            description = "Users signed in, taking turns (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "4",
            description = "Joins in flight at once, each worker starting the next when one ends (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--count", paramLabel = "N", defaultValue = "25", description = "Messages asked for (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "60", description = "How long (default ${DEFAULT-VALUE}).")
    int duration;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results to this file.")
    java.nio.file.Path json;

    @Override
    public Integer call() throws Exception {
        ProcessMeter meter = new ProcessMeter(target.serverPids);
        Report report = new Report("history", json);
        report.parameters(Map.of("room", room, "users", users, "workers", workers, "count", count, "duration", duration,
                "server", target.server));
        if (workers < 1 || workers > users) {
            throw new IllegalArgumentException("--workers must be between 1 and --users");
        }
        String password = target.password();
        UserAgent.Listener quiet = new UserAgent.Listener() {
            @Override
            public void info(UserAgent user, String body, long receivedNanos) {
                // join and part notices of the others
            }

            @Override
            public void closed(UserAgent user, Exception cause) {
                // a dropped user's operations fail and are counted there
            }
        };
        try (Population population = new Population(target)) {
            List<UserAgent> all = new ArrayList<>();
            for (int n = 1; n <= users; n++) {
                all.add(new UserAgent(target.userName(n), password, quiet));
            }
            String chanUri = RoomFinder.find(population, all.get(0), room);
            double setupCpu = meter.serverCpuSeconds();
            double setupToolCpu = meter.ownCpuSeconds();
            long start = System.nanoTime();
            List<UserAgent> signedIn = new ArrayList<>(population.signIn(all.subList(1, all.size()),
                    user -> CompletableFuture.completedFuture(null)));
            signedIn.add(0, all.get(0));
            report.setup(users, signedIn.size(), (System.nanoTime() - start) / 1e9, population.signInLatencies(),
                    population.failures(), ProcessMeter.delta(meter.serverCpuSeconds(), setupCpu),
                    meter.ownCpuSeconds() - setupToolCpu, meter.serverRssMiB());
            double serverCpu = meter.serverCpuSeconds();
            double ownCpu = meter.ownCpuSeconds();
            BlockingQueue<UserAgent> idle = new LinkedBlockingQueue<>(signedIn);
            ClosedLoop.Result result = new ClosedLoop().run(Math.min(workers, signedIn.size()), duration, worker -> {
                UserAgent user = idle.remove();
                return joinAndRead(user, chanUri).whenComplete((done, failure) -> idle.add(user));
            });
            report.closedLoop("history", result, ProcessMeter.delta(meter.serverCpuSeconds(), serverCpu),
                    ProcessMeter.delta(meter.ownCpuSeconds(), ownCpu));
        }
        report.write();
        return 0;
    }

    /** Joins and reads (timed), then parts. Remarks a history shorter than asked. */
    private CompletableFuture<ClosedLoop.Done> joinAndRead(UserAgent user, String chanUri) {
        long start = System.nanoTime();
        return user.join(chanUri).thenCompose(joined -> user.history(chanUri, count)).thenCompose(reply -> {
            ClosedLoop.Done done = ClosedLoop.Done.since(start, reply.history().size() < count ? "short history" : null);
            return user.part(chanUri).thenApply(parted -> done);
        });
    }
}
