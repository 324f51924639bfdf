package dev.cellguard.deploy.support;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The constant pool of a class file: the strings it holds and the methods it refers to. */
public record ClassFile(String name, List<String> strings, List<MethodRef> methodRefs) {

    /** A method the class calls or takes a handle to: owner (internal name), name, descriptor. */
    public record MethodRef(String owner, String name, String descriptor) {
    }

    public static ClassFile parse(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IllegalArgumentException("not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            int[] tags = new int[count];
            String[] utf8 = new String[count];
            int[] first = new int[count];
            int[] second = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                tags[i] = tag;
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> first[i] = in.readUnsignedShort();
                    case 9, 10, 11, 12, 17, 18 -> {
                        first[i] = in.readUnsignedShort();
                        second[i] = in.readUnsignedShort();
                    }
                    case 15 -> {
                        in.readUnsignedByte();
                        first[i] = in.readUnsignedShort();
                    }
                    default -> throw new IllegalArgumentException("unknown constant pool tag " + tag);
                }
            }
            in.readUnsignedShort();
            String name = utf8[first[in.readUnsignedShort()]];
            List<String> strings = new ArrayList<>();
            List<MethodRef> methods = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                if (tags[i] == 1) {
                    strings.add(utf8[i]);
                } else if (tags[i] == 10 || tags[i] == 11) {
                    String owner = utf8[first[first[i]]];
                    int nameAndType = second[i];
                    methods.add(new MethodRef(owner, utf8[first[nameAndType]], utf8[second[nameAndType]]));
                }
            }
            return new ClassFile(name, strings, methods);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
