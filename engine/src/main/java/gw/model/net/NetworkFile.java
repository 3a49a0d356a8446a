package gw.model.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The network file format (docs/TRAINING.md): the 8 ASCII bytes {@code GWNET01\n}, a little-endian uint32 header
 * length, a UTF-8 JSON header, then the payload: flat tensors one after another, little-endian float32 or float64
 * (the header's dtype). The header names the format and version, the network architecture, each tensor's name and
 * length, the payload's byte count and SHA-256, and free metadata ("meta"). The tensor "params" holds the network's
 * parameters in declaration order; checkpoints add optimizer state as further tensors. Decoding checks all of it,
 * so a truncated, corrupt or foreign file is rejected with the reason, never half-read.
 */
public final class NetworkFile {
    static final byte[] MAGIC = "GWNET01\n".getBytes(StandardCharsets.US_ASCII);
    public static final String FORMAT = "gw-network";
    public static final int VERSION = 1;
    private static final int MAX_HEADER = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A decoded file: the network with its parameters loaded, every tensor (params included) and the metadata. */
    public record Loaded(Network network, Map<String, INDArray> tensors, JsonNode meta) {
    }

    private NetworkFile() {
    }

    /** Encodes the network's parameters, then {@code extra} tensors in their map order. */
    public static byte[] encode(Network net, Map<String, INDArray> extra, ObjectNode meta) {
        DataType dtype = net.parameters().dtype();
        Map<String, INDArray> tensors = new LinkedHashMap<>();
        tensors.put("params", net.parameters().values());
        tensors.putAll(extra);
        int width = dtype.width();
        long total = 0;
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (Map.Entry<String, INDArray> e : tensors.entrySet()) {
            list.addObject().put("name", e.getKey()).put("length", e.getValue().length());
            total += e.getValue().length();
        }
        ByteBuffer payload = ByteBuffer.allocate(Math.toIntExact(total * width)).order(ByteOrder.LITTLE_ENDIAN);
        for (INDArray a : tensors.values()) {
            if (dtype == DataType.DOUBLE) {
                for (double v : a.castTo(DataType.DOUBLE).toDoubleVector()) {
                    payload.putDouble(v);
                }
            } else {
                for (float v : a.castTo(DataType.FLOAT).toFloatVector()) {
                    payload.putFloat(v);
                }
            }
        }
        byte[] body = payload.array();
        ObjectNode header = JsonNodeFactory.instance.objectNode();
        header.put("format", FORMAT);
        header.put("version", VERSION);
        header.set("architecture", net.architecture());
        header.put("dtype", Networks.dtypeName(dtype));
        header.set("tensors", list);
        header.put("payloadBytes", body.length);
        header.put("sha256", sha256(body));
        header.set("meta", meta);
        byte[] h;
        try {
            h = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(header);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return ByteBuffer.allocate(MAGIC.length + 4 + h.length + body.length).order(ByteOrder.LITTLE_ENDIAN)
                .put(MAGIC).putInt(h.length).put(h).put(body).array();
    }

    /** @param what how to name the file in errors */
    public static Loaded decode(byte[] bytes, String what) {
        if (bytes.length < MAGIC.length + 4 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new InvalidModelFileException(what + " is not a Guidance Workbench network file (no GWNET01 magic)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        buf.position(MAGIC.length);
        int headerLength = buf.getInt();
        if (headerLength <= 0 || headerLength > MAX_HEADER || headerLength > buf.remaining()) {
            throw new InvalidModelFileException(what + " is truncated or corrupt (header length " + headerLength + ")");
        }
        JsonNode header;
        try {
            header = JSON.readTree(Arrays.copyOfRange(bytes, buf.position(), buf.position() + headerLength));
        } catch (JsonProcessingException e) {
            throw new InvalidModelFileException(what + " has an unreadable header: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidModelFileException(what + " has an unreadable header");
        }
        if (header == null || !FORMAT.equals(header.path("format").asText()) || header.path("version").asInt() != VERSION) {
            throw new InvalidModelFileException(what + ": header is not " + FORMAT + " version " + VERSION);
        }
        buf.position(buf.position() + headerLength);
        long expected = header.path("payloadBytes").asLong(-1);
        if (buf.remaining() != expected) {
            throw new InvalidModelFileException(what + " is truncated or has trailing bytes: payload " + buf.remaining()
                    + " bytes, header says " + expected);
        }
        byte[] body = Arrays.copyOfRange(bytes, buf.position(), bytes.length);
        if (!sha256(body).equals(header.path("sha256").asText())) {
            throw new InvalidModelFileException(what + " is corrupt: payload SHA-256 does not match its header");
        }
        Network net;
        DataType dtype;
        try {
            net = Networks.fromArchitecture(header.path("architecture"));
            dtype = Networks.dtype(header.path("dtype").asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidModelFileException(what + ": " + e.getMessage());
        }
        if (dtype != net.parameters().dtype()) {
            throw new InvalidModelFileException(what + ": payload dtype differs from the architecture's");
        }
        return new Loaded(net, readTensors(header, body, dtype, net, what), header.path("meta"));
    }

    private static Map<String, INDArray> readTensors(JsonNode header, byte[] body, DataType dtype, Network net,
                                                     String what) {
        ByteBuffer in = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, INDArray> out = new LinkedHashMap<>();
        long sum = 0;
        for (JsonNode t : header.path("tensors")) {
            long n = t.path("length").asLong(-1);
            sum += n;
            if (n < 0 || sum * dtype.width() > body.length) {
                throw new InvalidModelFileException(what + ": tensor table does not match the payload");
            }
            double[] v = new double[(int) n];
            for (int i = 0; i < n; i++) {
                v[i] = dtype == DataType.DOUBLE ? in.getDouble() : in.getFloat();
            }
            out.put(t.path("name").asText(), Nd4j.create(v, new long[] {n}, DataType.DOUBLE).castTo(dtype));
        }
        if (sum * dtype.width() != body.length) {
            throw new InvalidModelFileException(what + ": tensor table does not match the payload");
        }
        INDArray params = out.get("params");
        if (params == null || params.length() != net.parameters().count()) {
            throw new InvalidModelFileException(what + ": 'params' has " + (params == null ? 0 : params.length())
                    + " values, the architecture needs " + net.parameters().count());
        }
        net.parameters().values().assign(params);
        return out;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
