package dev.driftwatch.engine.read.parquet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Turns the fields of a Parquet record into row values the way the text formats read them: a scalar becomes its
 * text (numbers in Java's shortest round-trip spelling, decimals plain, dates and times in ISO 8601), a list
 * becomes a list of item texts with null items dropped (as a JSON array is read), null stays null, and any
 * other group (a struct or map) becomes its JSON text. Stateless.
 */
final class ParquetValues {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;

    private ParquetValues() {
    }

    /** The value of top-level field {@code index} of a record. */
    static Object value(Group record, int index) {
        Type type = record.getType().getType(index);
        int count = record.getFieldRepetitionCount(index);
        if (type.isRepetition(Type.Repetition.REPEATED)) {
            List<String> items = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                items.add(text(record, index, i, type));
            }
            return List.copyOf(items);
        }
        if (count == 0) {
            return null;
        }
        if (!type.isPrimitive() && isList(type)) {
            List<String> items = new ArrayList<>();
            listItems(record.getGroup(index, 0)).forEach(item -> {
                if (item != null) {
                    items.add(item instanceof String text ? text : json(item));
                }
            });
            return List.copyOf(items);
        }
        return text(record, index, 0, type);
    }

    private static boolean isList(Type type) {
        return type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation;
    }

    /** The items of a LIST group: its one repeated field, each occurrence an element or a wrapper of one. */
    private static List<Object> listItems(Group list) {
        List<Object> items = new ArrayList<>();
        if (list.getType().getFieldCount() == 0) {
            return items;
        }
        Type repeated = list.getType().getType(0);
        int count = list.getFieldRepetitionCount(0);
        for (int i = 0; i < count; i++) {
            if (!repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1 && !isList(repeated)) {
                Group wrapper = list.getGroup(0, i);
                items.add(wrapper.getFieldRepetitionCount(0) == 0 ? null : plain(wrapper, 0, 0));
            } else {
                items.add(plain(list, 0, i));
            }
        }
        return items;
    }

    private static String text(Group group, int field, int occurrence, Type type) {
        Object plain = plain(group, field, occurrence);
        return plain instanceof String text ? text : json(plain);
    }

    /** A scalar as text, a list as a List, another group as a Map, for JSON. */
    private static Object plain(Group group, int field, int occurrence) {
        Type type = group.getType().getType(field);
        if (type.isPrimitive()) {
            return scalar(group, field, occurrence, type.asPrimitiveType());
        }
        Group child = group.getGroup(field, occurrence);
        if (isList(type)) {
            return listItems(child);
        }
        GroupType groupType = type.asGroupType();
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < groupType.getFieldCount(); i++) {
            int count = child.getFieldRepetitionCount(i);
            if (groupType.getType(i).isRepetition(Type.Repetition.REPEATED)) {
                List<Object> items = new ArrayList<>();
                for (int j = 0; j < count; j++) {
                    items.add(plain(child, i, j));
                }
                fields.put(groupType.getFieldName(i), items);
            } else {
                fields.put(groupType.getFieldName(i), count == 0 ? null : plain(child, i, 0));
            }
        }
        return fields;
    }

    private static String scalar(Group group, int field, int occurrence, PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        return switch (type.getPrimitiveTypeName()) {
            case BOOLEAN -> Boolean.toString(group.getBoolean(field, occurrence));
            case FLOAT -> Float.toString(group.getFloat(field, occurrence));
            case DOUBLE -> Double.toString(group.getDouble(field, occurrence));
            case INT32 -> int32(group.getInteger(field, occurrence), logical);
            case INT64 -> int64(group.getLong(field, occurrence), logical);
            case INT96 -> int96(group.getInt96(field, occurrence).getBytes());
            case BINARY, FIXED_LEN_BYTE_ARRAY -> binary(group.getBinary(field, occurrence).getBytes(), type, logical);
        };
    }

    private static String int32(int value, LogicalTypeAnnotation logical) {
        if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
            return BigDecimal.valueOf(value, decimal.getScale()).toPlainString();
        }
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return LocalDate.ofEpochDay(value).toString();
        }
        if (logical instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation) {
            return LocalTime.ofNanoOfDay(value * 1_000_000L).toString();
        }
        if (logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer && !integer.isSigned()) {
            return Integer.toUnsignedString(value);
        }
        return Integer.toString(value);
    }

    private static String int64(long value, LogicalTypeAnnotation logical) {
        if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
            return BigDecimal.valueOf(value, decimal.getScale()).toPlainString();
        }
        if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp) {
            Instant instant = switch (timestamp.getUnit()) {
                case MILLIS -> Instant.ofEpochMilli(value);
                case MICROS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
                case NANOS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
            };
            return timestamp.isAdjustedToUTC() ? instant.toString() : instant.atOffset(ZoneOffset.UTC).toLocalDateTime().toString();
        }
        if (logical instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation time) {
            long nanos = switch (time.getUnit()) {
                case MILLIS -> value * 1_000_000L;
                case MICROS -> value * 1_000L;
                case NANOS -> value;
            };
            return LocalTime.ofNanoOfDay(nanos).toString();
        }
        if (logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer && !integer.isSigned()) {
            return Long.toUnsignedString(value);
        }
        return Long.toString(value);
    }

    /** The legacy timestamp: nanoseconds of the day, then the Julian day, both little-endian. */
    private static String int96(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = buffer.getLong();
        long julianDay = Integer.toUnsignedLong(buffer.getInt());
        long seconds = (julianDay - JULIAN_DAY_OF_EPOCH) * 86_400L;
        return Instant.ofEpochSecond(seconds, nanosOfDay).toString();
    }

    private static String binary(byte[] bytes, PrimitiveType type, LogicalTypeAnnotation logical) {
        if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
            return new BigDecimal(new BigInteger(bytes), decimal.getScale()).toPlainString();
        }
        if (logical instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new java.util.UUID(buffer.getLong(), buffer.getLong()).toString();
        }
        if (type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY && logical == null) {
            return HexFormat.of().formatHex(bytes);
        }
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a Parquet group as JSON", e);
        }
    }
}
