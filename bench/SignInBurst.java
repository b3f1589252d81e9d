import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sign-in under a wrong-password burst against one account: THREADS guessers post wrong passwords
 * for SECONDS, each request from its own made-up address (as a botnet would, so only the
 * per-account slowdown applies, not the per-address limit), while the real member signs in with the
 * right password every few seconds. The server must trust 127.0.0.1 as a proxy, which is what lets
 * X-Forwarded-For name those addresses. Run by bench/signin-burst.sh.
 *
 *   java bench/SignInBurst.java BASE_URL EMAIL PASSWORD THREADS SECONDS
 */
public class SignInBurst {
    private static final String TOKEN = "bench-csrf-token-0123456789abcdef";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String email = args[1];
        String password = args[2];
        int threads = Integer.parseInt(args[3]);
        long until = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[4])).toNanos();
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        List<Double> attack = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger address = new AtomicInteger();
        List<Thread> guessers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            guessers.add(Thread.ofPlatform().start(() -> {
                int n = 0;
                while (System.nanoTime() < until) {
                    int a = address.incrementAndGet();
                    String from = "10." + (a >> 16 & 255) + "." + (a >> 8 & 255) + "." + (a & 255);
                    long start = System.nanoTime();
                    int status = signIn(http, base, email, "wrong guess " + (n++), from);
                    attack.add((System.nanoTime() - start) / 1e6);
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
            }));
        }
        List<Double> member = new ArrayList<>();
        List<Integer> memberStatuses = new ArrayList<>();
        Thread.sleep(3000); // let the burst reach the slowdown's cap first
        while (System.nanoTime() < until - Duration.ofSeconds(4).toNanos()) {
            long start = System.nanoTime();
            memberStatuses.add(signIn(http, base, email, password, "192.0.2.1"));
            member.add((System.nanoTime() - start) / 1e6);
            Thread.sleep(2000);
        }
        for (Thread g : guessers) {
            g.join();
        }
        Collections.sort(attack);
        System.out.printf(
                "wrong-password burst: %d threads, %d requests, statuses %s%n",
                threads, attack.size(), new TreeMap<>(statuses));
        System.out.printf(
                "  latency ms: median %.0f, p99 %.0f, max %.0f%n",
                pct(attack, 50), pct(attack, 99), attack.getLast());
        System.out.printf("real member's sign-ins during it: statuses %s%n", memberStatuses);
        System.out.printf("  latency ms: %s%n", member.stream().map(m -> String.format("%.0f", m)).toList());
        if (memberStatuses.isEmpty() || memberStatuses.stream().anyMatch(s -> s != 303)) {
            System.out.println("FAILED: the real member did not sign in every time.");
            System.exit(1);
        }
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static int signIn(HttpClient http, String base, String email, String password, String from) {
        String form = "_csrf=" + TOKEN + "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/newsroom/login"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "lede_csrf=" + TOKEN)
                .header("X-Forwarded-For", from)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
