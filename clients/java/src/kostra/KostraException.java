package kostra;

import com.google.protobuf.DynamicMessage;
import java.util.List;

/** A request failed: the server's status (code, message, details), or a local failure. */
public final class KostraException extends Exception {
    private static final long serialVersionUID = 1L;

    /** gRPC's code numbers, as kostra.v1.Code has them. */
    public static final String[] CODE_NAMES = {
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
        "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
        "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
        "UNAUTHENTICATED",
    };

    private final int code;
    private final transient DynamicMessage status;
    private final boolean local;

    KostraException(int code, String message, DynamicMessage status, boolean local) {
        super(codeName(code) + ": " + message);
        this.code = code;
        this.status = status;
        this.local = local;
    }

    public static String codeName(int code) {
        return code >= 0 && code < CODE_NAMES.length ? CODE_NAMES[code] : "CODE_" + code;
    }

    /** The status code's number (5 = NOT_FOUND). */
    public int code() { return code; }

    /** The server's kostra.v1.Status, with its details; null for a local failure. */
    public DynamicMessage status() { return status; }

    /** True when the client decided (deadline, connection lost), not the server. */
    public boolean local() { return local; }

    /** The first detail's suggestions ("did you mean"), or an empty list. */
    @SuppressWarnings("unchecked")
    public List<String> suggestions() {
        if (status == null) return List.of();
        List<?> details = (List<?>) status.getField(status.getDescriptorForType().findFieldByName("details"));
        if (details.isEmpty()) return List.of();
        DynamicMessage d = (DynamicMessage) details.get(0);
        return (List<String>) d.getField(d.getDescriptorForType().findFieldByName("suggestions"));
    }
}
