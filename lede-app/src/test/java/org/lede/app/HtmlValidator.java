package org.lede.app;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.json.Json;

/**
 * The Nu HTML Checker (vnu.jar) run as a separate process on saved pages. All files go to one run
 * because the checker takes seconds to start and then checks a page in milliseconds.
 */
final class HtmlValidator {
    private HtmlValidator() {}

    /** One message from the checker; {@code file} is the checked file's name. */
    record Message(String type, String subType, String file, long line, String text, String extract) {
        boolean isError() {
            // "non-document-error" is the checker failing to read a file, which must not pass silently either.
            return type.equals("error") || type.equals("non-document-error");
        }
    }

    static List<Message> check(List<Path> files) throws IOException, InterruptedException {
        Path jar = TestTools.vnuJar();
        // The JDK running the tests is known to work; the java on PATH may be an older one or none.
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(), "--format", "json", "--stdout"));
        files.forEach(f -> command.add(f.toString()));
        Path stderr = Files.createTempFile("vnu", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("vnu.jar did not finish within 5 minutes");
            }
            if (!out.strip().startsWith("{")) {
                throw new IllegalStateException("vnu.jar exited " + process.exitValue() + " without a JSON report:\n"
                        + out + Files.readString(stderr));
            }
            return parse(out);
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    /**
     * The errors in these files, checked in one run together with a page that has a known error:
     * a checker that silently reports nothing (a changed report format, an unread file) would
     * otherwise pass every page, so this fails unless the known error is found.
     *
     * @param what what the files are, for the failure message
     */
    static List<Message> errorsWithControl(Path dir, List<Path> files, String what)
            throws IOException, InterruptedException {
        Path control = dir.resolve("control-invalid.html");
        Files.writeString(
                control,
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title></head>"
                        + "<body><ul><div>not a list item</div></ul></body></html>",
                StandardCharsets.UTF_8);
        List<Path> all = new ArrayList<>(files);
        all.add(control);
        List<Message> messages = check(all);
        String controlName = control.getFileName().toString();
        if (messages.stream().noneMatch(m -> m.isError() && m.file().equals(controlName))) {
            throw new AssertionError("vnu.jar reported no error for a page with a div inside a ul, so its report on "
                    + what + " means nothing: " + messages);
        }
        return messages.stream()
                .filter(m -> m.isError() && !m.file().equals(controlName))
                .toList();
    }

    private static List<Message> parse(String json) {
        Map<String, Object> report = new Json().toType(json, Json.MAP_TYPE);
        List<Message> messages = new ArrayList<>();
        for (Object o : (List<?>) report.getOrDefault("messages", List.of())) {
            Map<?, ?> m = (Map<?, ?>) o;
            String url = String.valueOf(m.get("url"));
            Object line = m.containsKey("lastLine") ? m.get("lastLine") : m.get("firstLine");
            messages.add(new Message(
                    String.valueOf(m.get("type")),
                    m.get("subType") == null ? "" : String.valueOf(m.get("subType")),
                    url.substring(url.lastIndexOf('/') + 1),
                    line instanceof Number n ? n.longValue() : 0,
                    String.valueOf(m.get("message")),
                    m.get("extract") == null
                            ? ""
                            : String.valueOf(m.get("extract"))
                                    .replaceAll("\\s+", " ")
                                    .strip()));
        }
        return messages;
    }
}
