package kostra;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.WireFormat;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A kostra client in Java, written by following docs/clients.md step by step.
 * One connection; any number of threads may call at once: each request gets
 * an id, a reader thread hands each answer to the request with that id.
 *
 * <pre>
 * try (KostraClient c = KostraClient.connect("127.0.0.1", 7878)) {
 *     DynamicMessage req = c.newRequest("GetSeries")
 *         .setField(c.field("GetSeriesRequest", "indicator_id"), "grunnskole.gruppestorrelse_2").build();
 *     DynamicMessage series = c.call("GetSeries", req, Duration.ofSeconds(5));
 * }
 * </pre>
 */
public final class KostraClient implements AutoCloseable {
    /** Step 1: the frame header is a flag byte (0) and a big-endian uint32 length. */
    static final int HEADER_SIZE = 5;
    static final int MAX_FRAME = 4 * 1024 * 1024;
    static final int PROTOCOL_VERSION = 1;
    static final String SERVICE = "/kostra.v1.Kostra/";

    private final Socket socket;
    private final OutputStream out;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<byte[]>> pending = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile KostraException closedBecause;
    private Schema schema;

    private KostraClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = new Thread(this::readLoop, "kostra-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Connects, then loads the schema from the server's GetSchema method (step 3). */
    public static KostraClient connect(String host, int port) throws IOException, KostraException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(host, port), 10_000);
        s.setTcpNoDelay(true);
        KostraClient c = new KostraClient(s);
        c.schema = c.loadSchema();
        return c;
    }

    public Schema schema() { return schema; }

    // ---- step 1: frames ----

    static byte[] frame(byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE + payload.length); // big-endian by default
        b.put((byte) 0).putInt(payload.length).put(payload);
        return b.array();
    }

    /** Reads one whole frame's payload; null at a clean end of stream. */
    static byte[] readFrame(DataInputStream in) throws IOException {
        int flags = in.read();
        if (flags < 0) return null;
        if (flags != 0) throw new IOException("frame flag byte " + flags + ", must be 0");
        long length = Integer.toUnsignedLong(in.readInt());
        if (length > MAX_FRAME) throw new IOException("frame of " + length + " bytes is above " + MAX_FRAME);
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return payload;
    }

    // ---- step 2: envelopes, written by hand from PROTOCOL.md section 3 ----
    // (before the schema is loaded the client has no descriptors; the
    // envelope is five fields, easy to write and read with the protobuf runtime's
    // coded streams.)

    static byte[] requestEnvelope(long id, String method, int timeoutMs, byte[] payload, int protocolVersion,
                                  List<String[]> metadata) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            com.google.protobuf.CodedOutputStream o = com.google.protobuf.CodedOutputStream.newInstance(bytes);
            if (id != 0) o.writeUInt64(1, id);
            if (!method.isEmpty()) o.writeString(2, method);
            if (timeoutMs != 0) o.writeUInt32(3, timeoutMs);
            if (payload.length != 0) o.writeByteArray(4, payload);
            if (protocolVersion != 0) o.writeUInt32(5, protocolVersion);
            for (String[] kv : metadata) {
                java.io.ByteArrayOutputStream entry = new java.io.ByteArrayOutputStream();
                com.google.protobuf.CodedOutputStream e = com.google.protobuf.CodedOutputStream.newInstance(entry);
                if (!kv[0].isEmpty()) e.writeString(1, kv[0]);
                if (!kv[1].isEmpty()) e.writeString(2, kv[1]);
                e.flush();
                o.writeByteArray(6, entry.toByteArray());
            }
            o.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e); // a byte array does not fail
        }
    }

    /** The parts of a ResponseEnvelope: id, status bytes (null if absent), payload. */
    record Answer(long id, byte[] status, byte[] payload, int protocolVersion) {}

    static Answer parseResponseEnvelope(byte[] bytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        long id = 0;
        byte[] status = null;
        byte[] payload = new byte[0];
        int version = 0;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) break;
            switch (tag) {
                case (1 << 3) | WireFormat.WIRETYPE_VARINT -> id = in.readUInt64();
                case (2 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> status = in.readByteArray();
                case (3 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> payload = in.readByteArray();
                case (4 << 3) | WireFormat.WIRETYPE_VARINT -> version = in.readUInt32();
                default -> in.skipField(tag); // unknown fields are skipped (schema evolution)
            }
        }
        return new Answer(id, status, payload, version);
    }

    // ---- step 4: many requests in flight, matched by id ----

    private void readLoop() {
        KostraException reason = new KostraException(14, "connection closed by the server", null, true);
        try (DataInputStream in = new DataInputStream(socket.getInputStream())) {
            while (true) {
                byte[] payload = readFrame(in);
                if (payload == null) break;
                Answer a = parseResponseEnvelope(payload);
                if (a.id() == 0) { // a connection error (PROTOCOL.md section 6): keep its code
                    int code = statusCode(a.status());
                    if (code != 0) reason = new KostraException(code, "connection error", null, true);
                    continue;
                }
                CompletableFuture<byte[]> f = pending.remove(a.id());
                if (f != null) f.complete(payload);
            }
        } catch (EOFException e) {
            reason = new KostraException(14, "connection closed inside a frame", null, true);
        } catch (IOException e) {
            if (closedBecause == null) reason = new KostraException(14, "connection failed: " + e.getMessage(), null, true);
        }
        if (closedBecause == null) closedBecause = reason;
        for (CompletableFuture<byte[]> f : pending.values()) f.completeExceptionally(closedBecause);
        pending.clear();
    }

    static int statusCode(byte[] status) throws IOException {
        if (status == null) return 0;
        CodedInputStream in = CodedInputStream.newInstance(status);
        int code = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == ((1 << 3) | WireFormat.WIRETYPE_VARINT)) code = in.readEnum();
            else in.skipField(tag);
        }
        return code;
    }

    /**
     * Sends one request and returns the whole ResponseEnvelope payload (whatever
     * its status). Step 6: the deadline goes to the server as timeout_ms; the
     * client waits that long and half a second more, then gives up (local
     * DEADLINE_EXCEEDED) and drops the late answer.
     */
    public byte[] callRaw(String method, byte[] payload, Duration timeout, List<String[]> metadata)
            throws KostraException {
        if (closedBecause != null) throw closedBecause;
        long id = ids.incrementAndGet();
        int timeoutMs = timeout == null ? 0 : (int) Math.max(1, timeout.toMillis());
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        pending.put(id, f);
        try {
            byte[] frame = frame(requestEnvelope(id, method.startsWith("/") ? method : SERVICE + method,
                    timeoutMs, payload, PROTOCOL_VERSION, metadata));
            synchronized (out) {
                out.write(frame);
                out.flush();
            }
            return timeout == null ? f.get() : f.get(timeoutMs + 500L, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new KostraException(4, "no answer within " + timeoutMs + " ms", null, true);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof KostraException k) throw k;
            throw new KostraException(2, String.valueOf(e.getCause()), null, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KostraException(1, "interrupted", null, true);
        } catch (IOException e) {
            throw new KostraException(14, "cannot send: " + e.getMessage(), null, true);
        } finally {
            pending.remove(id);
        }
    }

    // ---- step 3: the schema from the server ----

    private Schema loadSchema() throws KostraException {
        // GetSchemaRequest is empty; GetSchemaResponse field 1 is the encoded set.
        Answer a = answer(callRaw("GetSchema", new byte[0], Duration.ofSeconds(30), List.of()));
        try {
            int code = statusCode(a.status());
            if (code != 0) throw new KostraException(code, "GetSchema failed", null, false);
            CodedInputStream in = CodedInputStream.newInstance(a.payload());
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (tag == ((1 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED)) return new Schema(in.readByteArray());
                in.skipField(tag);
            }
            throw new KostraException(13, "GetSchema answered no file_descriptor_set", null, true);
        } catch (IOException | com.google.protobuf.Descriptors.DescriptorValidationException e) {
            throw new KostraException(13, "cannot read the schema: " + e.getMessage(), null, true);
        }
    }

    private static Answer answer(byte[] envelope) throws KostraException {
        try {
            return parseResponseEnvelope(envelope);
        } catch (IOException e) {
            throw new KostraException(13, "bad ResponseEnvelope: " + e.getMessage(), null, true);
        }
    }

    // ---- steps 5 and 8: a method per server method, status codes as errors ----

    /** A builder for the request message of a method ("GetSeries"). */
    public DynamicMessage.Builder newRequest(String method) {
        return DynamicMessage.newBuilder(schema.method(method).getInputType());
    }

    /** A field of a message type, by its .proto name. */
    public FieldDescriptor field(String message, String name) {
        return schema.message(message).findFieldByName(name);
    }

    /**
     * Calls a method; returns its response message, or throws KostraException
     * with the status code, message and the Status (its details) on error.
     */
    public DynamicMessage call(String method, DynamicMessage request, Duration timeout) throws KostraException {
        MethodDescriptor m = schema.method(method);
        Answer a = answer(callRaw(method, request.toByteArray(), timeout, List.of()));
        try {
            if (a.status() != null) {
                Descriptor statusType = schema.message("kostra.v1.Status");
                DynamicMessage status = DynamicMessage.parseFrom(statusType, a.status());
                int code = ((com.google.protobuf.Descriptors.EnumValueDescriptor)
                        status.getField(statusType.findFieldByName("code"))).getNumber();
                if (code != 0) {
                    String message = (String) status.getField(statusType.findFieldByName("message"));
                    throw new KostraException(code, message, status, false);
                }
            }
            return DynamicMessage.parseFrom(m.getOutputType(), ByteString.copyFrom(a.payload()));
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new KostraException(13, "cannot decode the answer: " + e.getMessage(), null, true);
        }
    }

    @Override
    public void close() throws IOException {
        closedBecause = new KostraException(1, "closed by the client", null, true);
        socket.close();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
