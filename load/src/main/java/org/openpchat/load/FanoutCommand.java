package org.openpchat.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openpchat.load.sip.UserAgent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * R rooms × M members, all signed in and joined; P posts a second spread evenly over the rooms
 * (open loop: posts go out on time whatever the server does); every post is delivered to all M
 * members of its room, the author too. Latency runs from the moment a post is sent (a timestamp in
 * its text) to each delivery.
 */
@Command(name = "fanout", mixinStandardHelpOptions = true,
        description = "Posts at rising rates into rooms whose members are all signed in; measures deliveries.")
final class FanoutCommand implements Callable<Integer> {

    static final String MARKER = "pchat-load ";
    private static final String MESSAGE_ID = " msgid=\"";

    @Mixin
    Target target;

    @Mixin
    Rooms rooms;

    @Option(names = "--members", paramLabel = "M", defaultValue = "150",
            description = "Members signed in to each room (default ${DEFAULT-VALUE}); room r has users (r-1)*M+1 .. r*M.")
    int members;

    @Option(names = "--rates", paramLabel = "P", split = ",", defaultValue = "5,10,20,40",
            description = "Posts per second, one step each (default ${DEFAULT-VALUE}).")
    List<Integer> rates;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "60", description = "Length of a step (default ${DEFAULT-VALUE}).")
    int duration;

    @Option(names = "--drain", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long after a step deliveries may still come (default ${DEFAULT-VALUE}).")
    int drain;

    @Option(names = "--size", paramLabel = "BYTES", defaultValue = "100", description = "Length of a post's text (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--p99-limit", paramLabel = "MS", defaultValue = "1000",
            description = "A step holds if nothing is lost and p99 is at most this (default ${DEFAULT-VALUE}).")
    double p99Limit;

    @Option(names = "--all-steps", description = "Run every rate even after one did not hold.")
    boolean allSteps;

    @Option(names = "--metrics-url", paramLabel = "URL",
            description = "The server's metrics (http://HOST:8080/pchat/api/metrics): each step also reports the"
                    + " compliance outbox's highest lag and depth, read once a second.")
    java.net.URI metricsUrl;


    private final String run = SipTokens.next();
    private final Map<Integer, FanoutStep> steps = new ConcurrentHashMap<>();
    private final Disconnects disconnects = new Disconnects();
    private final UserAgent.Listener listener = new UserAgent.Listener() {
        @Override
        public void info(UserAgent user, String body, long receivedNanos) {
            delivered(user, body, receivedNanos);
        }

        @Override
        public void closed(UserAgent user, Exception cause) {
            disconnects.add(cause);
        }
    };

    @Override
    public Integer call() throws Exception {
        ProcessMeter meter = new ProcessMeter(target.serverPids);
        Report report = new Report("fanout", rooms.json);
        report.parameters(Map.of("rooms", rooms.count, "members", members, "duration", duration, "size", size,
                "server", target.server));
        String password = target.password();
        try (Population population = new Population(target)) {
            List<List<UserAgent>> byRoom = new ArrayList<>();
            List<UserAgent> everyone = new ArrayList<>();
            for (int r = 0; r < rooms.count; r++) {
                List<UserAgent> roomMembers = new ArrayList<>();
                for (int m = 1; m <= members; m++) {
                    UserAgent user = new UserAgent(target.userName(r * members + m), password, listener);
                    roomMembers.add(user);
                    everyone.add(user);
                }
                byRoom.add(roomMembers);
            }
            List<String> roomUris = RoomFinder.find(population, everyone.get(0), rooms.prefix, rooms.count);
            Map<UserAgent, String> roomOf = new ConcurrentHashMap<>();
            for (int r = 0; r < rooms.count; r++) {
                for (UserAgent user : byRoom.get(r)) {
                    roomOf.put(user, roomUris.get(r));
                }
            }
            double serverCpu = meter.serverCpuSeconds();
            double toolCpu = meter.ownCpuSeconds();
            long start = System.nanoTime();
            List<UserAgent> joined = population.signIn(everyone.subList(1, everyone.size()),
                    user -> user.join(roomOf.get(user)));
            joined = new ArrayList<>(joined);
            if (everyone.get(0).connected()) {
                everyone.get(0).join(roomUris.get(0)).get(30, TimeUnit.SECONDS);
                joined.add(everyone.get(0));
            }
            report.setup(everyone.size(), joined.size(), (System.nanoTime() - start) / 1e9,
                    population.signInLatencies(), population.failures(), ProcessMeter.delta(meter.serverCpuSeconds(), serverCpu),
                    meter.ownCpuSeconds() - toolCpu, meter.serverRssMiB());
            if (joined.size() < everyone.size()) {
                report.line("not every member signed in; posting stops here");
                report.write();
                return 1;
            }
            try (ComplianceLagSampler compliance = metricsUrl == null ? null : new ComplianceLagSampler(metricsUrl)) {
                for (int i = 0; i < rates.size(); i++) {
                    if (compliance != null) {
                        compliance.takePeak();
                    }
                    FanoutStep.Result result = step(i + 1, rates.get(i), byRoom, roomUris, meter);
                    report.fanout(result);
                    if (compliance != null) {
                        report.compliance(i + 1, compliance.takePeak());
                    }
                    report.disconnects(disconnects.takeAll());
                    if (!result.held(p99Limit) && !allSteps) {
                        break;
                    }
                }
            }
            report.logout(population.signOut());
        }
        report.write();
        return 0;
    }

    private FanoutStep.Result step(int number, int rate, List<List<UserAgent>> byRoom, List<String> roomUris,
            ProcessMeter meter) throws InterruptedException {
        FanoutStep step = new FanoutStep(number, rate, members, rate * duration + rate + 10);
        steps.put(number, step);
        String padding = "x".repeat(Math.max(0, size - 60));
        double serverCpu = meter.serverCpuSeconds();
        double ownCpu = meter.ownCpuSeconds();
        long start = System.nanoTime();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long[] count = {0};
        clock.scheduleAtFixedRate(() -> {
            int post = step.nextPost();
            if (post < 0) {
                return;
            }
            int room = (int) (count[0]++ % rooms.count);
            List<UserAgent> roomMembers = byRoom.get(room);
            UserAgent author = roomMembers.get(ThreadLocalRandom.current().nextInt(roomMembers.size()));
            long sentAt = System.nanoTime();
            String text = MARKER + run + " " + number + " " + post + " " + sentAt + " " + padding;
            author.post(roomUris.get(room), text).whenComplete((response, failure) -> step.answered(post,
                    response == null ? 0 : response.getStatusCode(), System.nanoTime() - sentAt));
        }, 0, TimeUnit.SECONDS.toNanos(1) / rate, TimeUnit.NANOSECONDS);
        Thread.sleep(Duration.ofSeconds(duration).toMillis());
        clock.shutdownNow();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(drain);
        while (!step.complete() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return step.result(Math.min(seconds, duration + drain), ProcessMeter.delta(meter.serverCpuSeconds(), serverCpu),
                ProcessMeter.delta(meter.ownCpuSeconds(), ownCpu));
    }

    /** A post's delivery: its text starts with the marker, this run's token, the step, the post and when it was sent. */
    private void delivered(UserAgent member, String body, long receivedNanos) {
        int at = body.indexOf(MARKER + run + " ");
        if (at < 0) {
            return;
        }
        String[] fields = body.substring(at + MARKER.length(), Math.min(body.length(), at + MARKER.length() + 80)).split(" ");
        FanoutStep step = steps.get(Integer.parseInt(fields[1]));
        if (step != null) {
            step.delivered(member.name(), Integer.parseInt(fields[2]), messageId(body),
                    receivedNanos - Long.parseLong(fields[3]));
        }
    }

    /**
     * The room's message id the server gave the post ({@code msgid="…"}), or -1. Read with
     * indexOf, as the marker is: this runs for every delivery (tens of thousands a second) and an
     * XML parse each would make the tool a large share of the machine it measures.
     */
    static long messageId(String body) {
        int at = body.indexOf(MESSAGE_ID);
        if (at < 0) {
            return -1;
        }
        int start = at + MESSAGE_ID.length();
        int end = body.indexOf('"', start);
        try {
            return end < 0 ? -1 : Long.parseLong(body, start, end, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
