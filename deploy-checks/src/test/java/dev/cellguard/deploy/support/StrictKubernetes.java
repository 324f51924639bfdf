package dev.cellguard.deploy.support;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses Kubernetes objects into the fabric8 model strictly: the kind must be one cellguard deploys, a
 * scalar of the wrong type is refused instead of coerced, and a field the model does not know fails
 * (fabric8 keeps unknown fields in {@code additionalProperties}; every object is walked for them).
 */
public final class StrictKubernetes {

    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private StrictKubernetes() {
    }

    /** The object, or an {@link AssertionError} naming the document and every problem in it. */
    public static HasMetadata parse(Map<String, Object> document, String where) {
        String key = document.get("apiVersion") + "/" + document.get("kind");
        Class<? extends HasMetadata> type = TYPES.get(key);
        if (type == null) {
            throw new AssertionError(where + ": " + key + " is not a kind cellguard deploys " + TYPES.keySet());
        }
        HasMetadata object;
        try {
            object = MAPPER.convertValue(document, type);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(where + ": not a valid " + key + ": " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        requireKnownFields(object, key + " " + object.getMetadata().getName(), problems);
        if (!problems.isEmpty()) {
            throw new AssertionError(where + ": " + String.join("; ", problems));
        }
        return object;
    }

    private static void requireKnownFields(Object value, String path, List<String> problems) {
        if (value == null || value instanceof IntOrString || value instanceof Quantity) {
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                requireKnownFields(list.get(i), path + "[" + i + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> requireKnownFields(v, path + "." + k, problems));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        try {
            Object unknown = value.getClass().getMethod("getAdditionalProperties").invoke(value);
            if (unknown instanceof Map<?, ?> fields && !fields.isEmpty()) {
                problems.add(path + ": unknown field(s) " + fields.keySet());
            }
        } catch (NoSuchMethodException e) {
            // a model class without additionalProperties cannot hold unknown fields
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
        JavaType type = MAPPER.constructType(value.getClass());
        BeanDescription description = MAPPER.getSerializationConfig().introspect(type);
        for (BeanPropertyDefinition property : description.findProperties()) {
            AnnotatedMember accessor = property.getAccessor();
            if (accessor != null) {
                requireKnownFields(accessor.getValue(value), path + "." + property.getName(), problems);
            }
        }
    }
}
