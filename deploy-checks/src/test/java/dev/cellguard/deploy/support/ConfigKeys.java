package dev.cellguard.deploy.support;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configuration keys a service reads, taken from its code: every {@code @ConfigMapping} interface of
 * its module and its cellguard libraries (Quarkus registers them all), every {@code @ConfigProperty} in
 * the classes it runs, every key of its application.properties (Quarkus
 * and MicroProfile settings it sets itself), and, for a service that verifies tokens (it sets
 * {@code mp.jwt.*}), the keys docs/operator-api.md documents for that. A deployment may set only these.
 */
public final class ConfigKeys {

    public static final String JWT_DOC = "docs/operator-api.md";

    private static final Map<CellguardService, ConfigKeys> CACHE = new EnumMap<>(CellguardService.class);
    private static final String CONFIG_MAPPING = "Lio/smallrye/config/ConfigMapping;";
    private static final Pattern DOC_KEY_ROW = Pattern.compile("^\\| `([a-z][a-z0-9.-]+)` \\|", Pattern.MULTILINE);

    /** Keys of the typed mappings (a map key is {@code *}) with their {@code @WithDefault}. */
    private final Map<String, Optional<String>> mappingKeys;
    private final Set<String> otherKeys;

    private ConfigKeys(Map<String, Optional<String>> mappingKeys, Set<String> otherKeys) {
        this.mappingKeys = mappingKeys;
        this.otherKeys = otherKeys;
    }

    public static synchronized ConfigKeys of(CellguardService service) {
        return CACHE.computeIfAbsent(service, ConfigKeys::read);
    }

    /** {@code cellguard.sqs.queues.signals} → {@code CELLGUARD_SQS_QUEUES_SIGNALS}, as MicroProfile Config maps them. */
    public static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    public Set<String> mappingKeys() {
        return mappingKeys.keySet();
    }

    public Set<String> otherKeys() {
        return otherKeys;
    }

    public boolean knowsProperty(String key) {
        if (otherKeys.contains(key)) {
            return true;
        }
        return mappingKeys.keySet().stream().anyMatch(pattern -> propertyPattern(pattern).matcher(key).matches());
    }

    public boolean knowsEnv(String name) {
        if (otherKeys.stream().anyMatch(k -> envName(k).equals(name))) {
            return true;
        }
        return mappingKeys.keySet().stream().anyMatch(pattern -> envPattern(pattern).matcher(name).matches());
    }

    /** The {@code @WithDefault} of a mapping key. */
    public Optional<String> mappingDefault(String key) {
        return mappingKeys.entrySet().stream()
                .filter(e -> propertyPattern(e.getKey()).matcher(key).matches())
                .findFirst()
                .flatMap(Map.Entry::getValue);
    }

    private static Pattern propertyPattern(String mappingKey) {
        StringBuilder regex = new StringBuilder();
        for (String part : mappingKey.split("\\.", -1)) {
            if (!regex.isEmpty()) {
                regex.append("\\.");
            }
            regex.append(part.equals("*") ? "(?:[^.\"]+|\"[^\"]+\")" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private static Pattern envPattern(String mappingKey) {
        StringBuilder regex = new StringBuilder();
        for (String part : mappingKey.split("\\.", -1)) {
            if (!regex.isEmpty()) {
                regex.append("_");
            }
            regex.append(part.equals("*") ? "[A-Z0-9_]+" : Pattern.quote(envName(part)));
        }
        return Pattern.compile(regex.toString());
    }

    private static ConfigKeys read(CellguardService service) {
        Map<String, Optional<String>> mapping = new LinkedHashMap<>();
        Set<String> other = new TreeSet<>();
        Set<String> code = ServiceCode.allClasses(service);
        for (String name : code) {
            other.addAll(configProperties(load(name)));
        }
        // Quarkus registers (and validates) every @ConfigMapping of the indexed libraries, used or not.
        code.stream().map(ClassGraph::location).distinct()
                .flatMap(location -> ClassGraph.classesBeside(code.stream()
                        .filter(c -> ClassGraph.location(c).equals(location)).findFirst().orElseThrow()).stream())
                .filter(name -> ClassGraph.classFile(name).map(f -> f.strings().contains(CONFIG_MAPPING)).orElse(false))
                .map(ConfigKeys::load)
                .forEach(type -> {
                    ConfigMapping configMapping = type.getAnnotation(ConfigMapping.class);
                    if (configMapping != null) {
                        group(type, configMapping.prefix(), mapping);
                    }
                });
        Set<String> ownKeys = service.applicationProperties().stringPropertyNames();
        other.addAll(ownKeys);
        if (ownKeys.stream().anyMatch(k -> k.startsWith("mp.jwt."))) {
            Matcher row = DOC_KEY_ROW.matcher(section(Repo.read(JWT_DOC), "## Configuration"));
            while (row.find()) {
                other.add(row.group(1));
            }
        }
        return new ConfigKeys(mapping, other);
    }

    private static void group(Class<?> type, String prefix, Map<String, Optional<String>> keys) {
        for (Method method : type.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            WithName withName = method.getAnnotation(WithName.class);
            String name = withName != null ? withName.value() : kebab(method.getName());
            String key = method.isAnnotationPresent(WithParentName.class) ? prefix : prefix + "." + name;
            WithDefault withDefault = method.getAnnotation(WithDefault.class);
            member(method.getGenericReturnType(), key, Optional.ofNullable(withDefault).map(WithDefault::value), keys);
        }
    }

    private static void member(Type type, String key, Optional<String> defaultValue, Map<String, Optional<String>> keys) {
        Class<?> raw = raw(type);
        if (raw == Optional.class) {
            member(argument(type, 0), key, defaultValue, keys);
        } else if (Map.class.isAssignableFrom(raw)) {
            member(argument(type, 1), key + ".*", defaultValue, keys);
        } else if (raw.isInterface() && !raw.getName().startsWith("java.") && !Collection.class.isAssignableFrom(raw)) {
            group(raw, key, keys);
        } else {
            keys.put(key, defaultValue);
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return (Class<?>) ((ParameterizedType) type).getRawType();
    }

    private static Type argument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }

    /** SmallRye's default naming: {@code maxReceiveCount} → {@code max-receive-count}. */
    static String kebab(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<String> configProperties(Class<?> type) {
        List<String> names = new ArrayList<>();
        List<AnnotatedElement> elements = new ArrayList<>(List.of(type.getDeclaredFields()));
        List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredConstructors()));
        executables.addAll(List.of(type.getDeclaredMethods()));
        elements.addAll(executables);
        for (AnnotatedElement element : elements) {
            ConfigProperty property = element.getAnnotation(ConfigProperty.class);
            if (property != null) {
                names.add(property.name());
            }
        }
        for (Executable executable : executables) {
            for (Annotation[] parameter : executable.getParameterAnnotations()) {
                for (Annotation annotation : parameter) {
                    if (annotation instanceof ConfigProperty property) {
                        names.add(property.name());
                    }
                }
            }
        }
        return names;
    }

    private static Class<?> load(String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, ConfigKeys.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of a Markdown section, up to the next heading of the same level. */
    static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        if (start < 0) {
            throw new IllegalStateException("no section '" + heading + "'");
        }
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = markdown.indexOf("\n" + level, start + heading.length() + 1);
        return end < 0 ? markdown.substring(start) : markdown.substring(start, end);
    }
}
