package kostra;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks this Java client against Tests/conformance (README.md there): for
 * every case, (1) the request frame built from the index's description equals
 * request.bin, (2) request.bin sent as it is gets an answer meeting the
 * expectations, (3) the same request through KostraClient.call meets them.
 *
 * <pre>java -cp ... kostra.Conformance Tests/conformance 127.0.0.1 7878</pre>
 */
public final class Conformance {
    private final Path dir;
    private final String host;
    private final int port;
    private final KostraClient client;
    private int passed;
    private final List<String> failures = new ArrayList<>();

    private Conformance(Path dir, String host, int port) throws Exception {
        this.dir = dir;
        this.host = host;
        this.port = port;
        this.client = KostraClient.connect(host, port);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: kostra.Conformance <Tests/conformance> <host> <port>");
            System.exit(2);
        }
        Conformance c = new Conformance(Path.of(args[0]), args[1], Integer.parseInt(args[2]));
        JsonObject index = JsonParser.parseString(Files.readString(c.dir.resolve("index.json"))).getAsJsonObject();
        for (JsonElement e : index.getAsJsonArray("cases")) c.run(e.getAsJsonObject());
        c.client.close();
        for (String f : c.failures) System.out.println("FAILED " + f);
        System.out.println("conformance: " + c.passed + " passed, " + c.failures.size() + " failed");
        System.exit(c.failures.isEmpty() ? 0 : 1);
    }

    private void run(JsonObject kase) {
        String name = kase.get("name").getAsString();
        step(name + " [encode]", () -> encode(kase));
        step(name + " [raw]", () -> raw(kase));
        JsonObject env = kase.getAsJsonObject("envelope");
        String method = kase.get("method").getAsString();
        boolean plain = env.get("method").getAsString().equals(KostraClient.SERVICE + method)
                && env.get("protocol_version").getAsInt() == 1 && kase.has("request")
                && !env.get("id").getAsString().equals("0"); // the client picks its own ids
        if (plain) step(name + " [client]", () -> throughClient(kase));
    }

    interface Step { List<String> run() throws Exception; }

    private void step(String label, Step s) {
        try {
            List<String> problems = s.run();
            if (problems.isEmpty()) passed++;
            else failures.add(label + ": " + String.join("; ", problems));
        } catch (Exception e) {
            failures.add(label + ": " + e);
        }
    }

    private DynamicMessage request(JsonObject kase) throws IOException {
        Descriptor type = client.schema().message(kase.get("request_type").getAsString());
        DynamicMessage.Builder b = DynamicMessage.newBuilder(type);
        JsonFormat.parser().merge(kase.get("request").toString(), b);
        return b.build();
    }

    private static byte[] hex(JsonObject o, String key) {
        return o.has(key) ? HexFormat.of().parseHex(o.get(key).getAsString()) : new byte[0];
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** (1) The frame built from the index alone is request.bin. */
    private List<String> encode(JsonObject kase) throws IOException {
        JsonObject env = kase.getAsJsonObject("envelope");
        byte[] payload = hex(env, "payload_hex");
        List<String> problems = new ArrayList<>();
        if (kase.has("request")) {
            byte[] mine = concat(request(kase).toByteArray(), hex(env, "payload_extra_hex"));
            if (!Arrays.equals(mine, payload)) problems.add("request encodes to " + HexFormat.of().formatHex(mine));
        }
        List<String[]> metadata = new ArrayList<>();
        for (JsonElement m : env.getAsJsonArray("metadata")) {
            metadata.add(new String[] {m.getAsJsonObject().get("key").getAsString(), m.getAsJsonObject().get("value").getAsString()});
        }
        byte[] envelope = KostraClient.requestEnvelope(Long.parseUnsignedLong(env.get("id").getAsString()),
                env.get("method").getAsString(), env.get("timeout_ms").getAsInt(), payload,
                env.get("protocol_version").getAsInt(), metadata);
        byte[] frame = KostraClient.frame(concat(envelope, hex(env, "envelope_extra_hex")));
        if (!Arrays.equals(frame, Files.readAllBytes(dir.resolve(kase.get("request_file").getAsString())))) {
            problems.add("frame differs from " + kase.get("request_file").getAsString());
        }
        return problems;
    }

    /** (2) request.bin as it is, on a connection of its own. */
    private List<String> raw(JsonObject kase) throws Exception {
        byte[] request = Files.readAllBytes(dir.resolve(kase.get("request_file").getAsString()));
        byte[] answerPayload;
        try (Socket s = new Socket(host, port)) {
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            answerPayload = KostraClient.readFrame(new DataInputStream(s.getInputStream()));
        }
        List<String> problems = new ArrayList<>();
        JsonObject expect = kase.getAsJsonObject("expect");
        if (answerPayload == null) return List.of("no answer");
        KostraClient.Answer a = KostraClient.parseResponseEnvelope(answerPayload);
        if (a.id() != Long.parseUnsignedLong(expect.get("id").getAsString())) problems.add("id " + Long.toUnsignedString(a.id()));
        int code = KostraClient.statusCode(a.status());
        if (code != expect.get("code").getAsInt()) {
            problems.add("code " + code + " != " + expect.get("code").getAsInt());
            return problems;
        }
        if (code == 0) {
            Descriptor type = client.schema().message(kase.get("response_type").getAsString());
            problems.addAll(checks(DynamicMessage.parseFrom(type, a.payload()), expect.getAsJsonArray("checks")));
        } else {
            DynamicMessage status = DynamicMessage.parseFrom(client.schema().message("kostra.v1.Status"), a.status());
            problems.addAll(checks(status, expect.getAsJsonArray("status_checks")));
        }
        if (expect.has("response_file")) {
            byte[] exact = Files.readAllBytes(dir.resolve(expect.get("response_file").getAsString()));
            if (!Arrays.equals(exact, KostraClient.frame(answerPayload))) problems.add("answer differs from " + expect.get("response_file"));
        }
        return problems;
    }

    /** (3) Through the client's call: an answer, or KostraException with the code. */
    private List<String> throughClient(JsonObject kase) throws Exception {
        JsonObject expect = kase.getAsJsonObject("expect");
        int want = expect.get("code").getAsInt();
        try {
            DynamicMessage response = client.call(kase.get("method").getAsString(), request(kase), Duration.ofSeconds(30));
            if (want != 0) return List.of("answered OK, expected " + KostraException.codeName(want));
            return checks(response, expect.getAsJsonArray("checks"));
        } catch (KostraException e) {
            if (e.code() != want || e.local()) return List.of("raised " + e.getMessage());
            return checks(e.status(), expect.getAsJsonArray("status_checks"));
        }
    }

    // ---- the expectations: paths and checks (Tests/conformance/README.md) ----

    private static List<String> checks(Message m, JsonArray checks) {
        List<String> problems = new ArrayList<>();
        if (checks == null) return problems;
        for (JsonElement c : checks) {
            String p = check(m, c.getAsJsonObject());
            if (p != null) problems.add(p);
        }
        return problems;
    }

    /** A resolved path: the value (null when a message or oneof member is unset) and its field. */
    record Resolved(Object value, FieldDescriptor field) {}

    static Resolved resolve(Message message, String path) {
        Object current = message;
        FieldDescriptor field = null;
        for (String segment : split(path)) {
            String name = segment;
            String selector = null;
            int bracket = segment.indexOf('[');
            if (bracket >= 0) {
                name = segment.substring(0, bracket);
                selector = segment.substring(bracket + 1, segment.length() - 1);
            }
            if (!(current instanceof Message m)) throw new IllegalArgumentException(path + ": nothing before " + name);
            field = m.getDescriptorForType().findFieldByName(name);
            if (field == null) throw new IllegalArgumentException(path + ": no field " + name);
            Object value;
            if (field.isRepeated()) {
                List<?> list = (List<?>) m.getField(field);
                value = list;
                if (selector != null) {
                    if (selector.matches("\\d+")) {
                        int i = Integer.parseInt(selector);
                        if (i >= list.size()) throw new IllegalArgumentException(path + ": " + name + " has " + list.size() + " elements");
                        value = list.get(i);
                    } else {
                        String sub = selector.substring(0, selector.indexOf('='));
                        String want = selector.substring(selector.indexOf('=') + 1);
                        value = null;
                        for (Object e : list) {
                            if (text(resolve((Message) e, sub).value()).equals(want)) { value = e; break; }
                        }
                        if (value == null) throw new IllegalArgumentException(path + ": no element with " + selector);
                    }
                }
            } else if ((field.getJavaType() == FieldDescriptor.JavaType.MESSAGE || field.getContainingOneof() != null)
                    && !m.hasField(field)) {
                value = null;
            } else {
                value = m.getField(field);
            }
            current = value;
        }
        return new Resolved(current, field);
    }

    private static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char ch : path.toCharArray()) {
            if (ch == '.' && depth == 0) { out.add(cur.toString()); cur.setLength(0); continue; }
            if (ch == '[') depth++;
            if (ch == ']') depth--;
            cur.append(ch);
        }
        out.add(cur.toString());
        return out;
    }

    private static String text(Object v) {
        if (v instanceof EnumValueDescriptor e) return Integer.toString(e.getNumber());
        return String.valueOf(v);
    }

    private static boolean equal(Object actual, JsonElement expected) {
        if (actual instanceof EnumValueDescriptor e) actual = e.getNumber();
        if (actual instanceof com.google.protobuf.ByteString) return false;
        var p = expected.getAsJsonPrimitive();
        if (p.isBoolean()) return actual instanceof Boolean b && b == p.getAsBoolean();
        if (p.isNumber()) {
            if (!(actual instanceof Number n)) return false;
            if (actual instanceof Long l && l < 0 && !(actual instanceof Integer)) {
                return Long.toUnsignedString(l).equals(p.getAsBigDecimal().toPlainString()) || n.doubleValue() == p.getAsDouble();
            }
            return n.doubleValue() == p.getAsDouble();
        }
        return p.getAsString().equals(actual);
    }

    static String check(Message m, JsonObject c) {
        String path = c.get("path").getAsString();
        Resolved r;
        try {
            r = resolve(m, path);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        Object v = r.value();
        if (c.has("present")) {
            boolean present = v instanceof List<?> l ? !l.isEmpty() : v != null;
            if (present != c.get("present").getAsBoolean()) return path + ": present is " + present;
        }
        if (c.has("equals") && !equal(v, c.get("equals"))) return path + ": " + v + " != " + c.get("equals");
        if (c.has("enum")) {
            String name = v instanceof EnumValueDescriptor e ? e.getName() : null;
            if (!c.get("enum").getAsString().equals(name)) return path + ": enum " + name + " != " + c.get("enum");
        }
        if (c.has("approx")) {
            if (!(v instanceof Number n) || Math.abs(n.doubleValue() - c.get("approx").getAsDouble()) > c.get("tolerance").getAsDouble()) {
                return path + ": " + v + " not within " + c.get("tolerance") + " of " + c.get("approx");
            }
        }
        if (c.has("contains")) {
            JsonElement want = c.get("contains");
            boolean ok;
            if (v instanceof List<?> l) ok = l.stream().anyMatch(e -> equal(e, want));
            else ok = v instanceof String s && s.contains(want.getAsString());
            if (!ok) return path + ": " + v + " does not contain " + want;
        }
        if (c.has("length")) {
            if (!(v instanceof List<?> l) || l.size() != c.get("length").getAsInt()) return path + ": length is not " + c.get("length");
        }
        return null;
    }
}
