package kostra;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.HashMap;
import java.util.Map;

/**
 * The kostra.v1 schema at run time, from an encoded FileDescriptorSet: the
 * server's own (GetSchema, docs/clients.md step 3) or one protoc wrote.
 * Messages are then DynamicMessages of these descriptors: no generated code.
 */
public final class Schema {
    private final Map<String, FileDescriptor> files = new HashMap<>();
    private final Map<String, Descriptor> messages = new HashMap<>();

    public Schema(byte[] fileDescriptorSet) throws InvalidProtocolBufferException, DescriptorValidationException {
        FileDescriptorSet set = FileDescriptorSet.parseFrom(fileDescriptorSet);
        // protoc and the server write dependencies first.
        for (FileDescriptorProto proto : set.getFileList()) {
            FileDescriptor[] deps = new FileDescriptor[proto.getDependencyCount()];
            for (int i = 0; i < deps.length; i++) {
                deps[i] = files.get(proto.getDependency(i));
                if (deps[i] == null) throw new IllegalArgumentException(proto.getName() + " needs " + proto.getDependency(i) + " first");
            }
            FileDescriptor file = FileDescriptor.buildFrom(proto, deps);
            files.put(proto.getName(), file);
            for (Descriptor d : file.getMessageTypes()) add(d);
        }
    }

    private void add(Descriptor d) {
        messages.put(d.getFullName(), d);
        for (Descriptor nested : d.getNestedTypes()) add(nested);
    }

    /** A message type by full name ("kostra.v1.GetSeriesRequest") or short name. */
    public Descriptor message(String name) {
        Descriptor d = messages.get(name.contains(".") ? name : "kostra.v1." + name);
        if (d == null) throw new IllegalArgumentException("no message " + name + " in the schema");
        return d;
    }

    /** A method of service kostra.v1.Kostra ("GetSeries"). */
    public MethodDescriptor method(String name) {
        MethodDescriptor m = files.get("kostra/v1/kostra.proto").findServiceByName("Kostra").findMethodByName(name);
        if (m == null) throw new IllegalArgumentException("no method " + name);
        return m;
    }
}
