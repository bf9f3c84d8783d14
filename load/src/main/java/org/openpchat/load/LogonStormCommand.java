package org.openpchat.load;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openpchat.load.sip.UserAgent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * N users sign in and join a room each as fast as the server takes them (at most
 * {@code --concurrency} at once); then, with {@code --hold}, they stay signed in and idle while
 * the server's CPU and memory are read; then all sign out at once.
 */
@Command(name = "logon-storm", aliases = "sessions", mixinStandardHelpOptions = true,
        description = "Signs users in and joins them to rooms as fast as the server takes them, holds them idle, signs all out.")
final class LogonStormCommand implements Callable<Integer> {

    @Mixin
    Target target;

    @Mixin
    Rooms rooms;

    @Option(names = "--users", paramLabel = "N", defaultValue = "1500", description = "Users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--hold", paramLabel = "SECONDS", defaultValue = "0",
            description = "How long to hold the sessions idle before signing out (default ${DEFAULT-VALUE}).")
    int hold;


    @Override
    public Integer call() throws Exception {
        ProcessMeter meter = new ProcessMeter(target.serverPids);
        Report report = new Report("logon-storm", rooms.json);
        report.parameters(Map.of("users", users, "rooms", rooms.count, "hold", hold, "server", target.server));
        String password = target.password();
        Disconnects disconnects = new Disconnects();
        UserAgent.Listener listener = new UserAgent.Listener() {
            @Override
            public void info(UserAgent user, String body, long receivedNanos) {
                // notices of others joining: not measured here
            }

            @Override
            public void closed(UserAgent user, Exception cause) {
                disconnects.add(cause);
            }
        };
        try (Population population = new Population(target)) {
            List<UserAgent> all = new ArrayList<>();
            for (int n = 1; n <= users; n++) {
                all.add(new UserAgent(target.userName(n), password, listener));
            }
            List<String> roomUris = RoomFinder.find(population, all.get(0), rooms.prefix, rooms.count);
            double serverCpu = meter.serverCpuSeconds();
            double toolCpu = meter.ownCpuSeconds();
            long start = System.nanoTime();
            Map<UserAgent, String> roomOf = new IdentityHashMap<>();
            for (int i = 0; i < all.size(); i++) {
                roomOf.put(all.get(i), roomUris.get(i % rooms.count));
            }
            List<UserAgent> rest = all.subList(1, all.size());
            List<UserAgent> signedIn = population.signIn(rest, user -> user.join(roomOf.get(user)));
            double seconds = (System.nanoTime() - start) / 1e9;
            report.setup(rest.size(), signedIn.size(), seconds, population.signInLatencies(), population.failures(),
                    ProcessMeter.delta(meter.serverCpuSeconds(), serverCpu), meter.ownCpuSeconds() - toolCpu,
                    meter.serverRssMiB());
            if (hold > 0) {
                double idleCpu = meter.serverCpuSeconds();
                Thread.sleep(hold * 1000L);
                report.idle(signedIn.size() + 1, hold, ProcessMeter.delta(meter.serverCpuSeconds(), idleCpu), meter.serverRssMiB(),
                        disconnects.count());
            }
            report.logout(population.signOut());
        }
        report.write();
        return 0;
    }
}
