package dev.cellguard.deploy.support;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.annotations.ConnectorAttribute;
import io.smallrye.reactive.messaging.aws.sqs.SqsAckHandler;
import io.smallrye.reactive.messaging.aws.sqs.SqsConnector;
import io.smallrye.reactive.messaging.aws.sqs.SqsFailureHandler;
import io.smallrye.reactive.messaging.aws.sqs.SqsInboundChannel;
import io.smallrye.reactive.messaging.aws.sqs.SqsManager;
import io.smallrye.reactive.messaging.aws.sqs.SqsOutboundChannel;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS API calls a deployed service makes, read from the byte code it runs: every call on an AWS SDK
 * client interface in its {@link ServiceCode}, and in the SmallRye SQS connector's classes its channels
 * use (the channel's ack and failure strategies decide which). Each call maps to the IAM action that
 * authorises it.
 */
public final class AwsCalls {

    private static final Pattern CLIENT = Pattern.compile("software/amazon/awssdk/services/([a-z0-9]+)/[A-Za-z0-9]+Client");
    private static final Pattern CHANNEL = Pattern.compile("^mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.connector$");
    private static final String SQS_CONNECTOR = "smallrye-sqs";

    /** IAM service prefix of each SDK service package. */
    private static final Map<String, String> IAM_PREFIX = Map.of(
            "sqs", "sqs",
            "autoscaling", "autoscaling",
            "elasticloadbalancingv2", "elasticloadbalancing",
            "rds", "rds",
            "cloudwatch", "cloudwatch",
            "route53recoverycluster", "route53-recovery-cluster");

    /** One call: SDK client, operation (as IAM names it) and the class that makes it. */
    public record Call(String sdkService, String operation, String caller) {

        /** The IAM action: SQS authorises its batch calls by the single-message action. */
        public String iamAction() {
            String prefix = IAM_PREFIX.get(sdkService);
            if (prefix == null) {
                throw new AssertionError(caller + " calls the AWS SDK's " + sdkService
                        + " client; give its IAM prefix to " + AwsCalls.class.getSimpleName());
            }
            String action = prefix.equals("sqs") && operation.endsWith("Batch")
                    ? operation.substring(0, operation.length() - "Batch".length())
                    : operation;
            return prefix + ":" + action;
        }
    }

    private AwsCalls() {
    }

    public static List<Call> of(CellguardService service, Function<String, Optional<String>> settings) {
        Set<String> classes = new TreeSet<>(ServiceCode.classes(service, settings));
        classes.addAll(connectorClasses(service, settings));
        List<Call> calls = new ArrayList<>();
        for (String name : classes) {
            ClassGraph.classFile(name).ifPresent(file -> {
                for (ClassFile.MethodRef ref : file.methodRefs()) {
                    Matcher client = CLIENT.matcher(ref.owner());
                    if (client.matches()) {
                        operation(ref.owner(), ref.name()).ifPresent(op ->
                                calls.add(new Call(client.group(1), op, name.replace('/', '.'))));
                    }
                }
            });
        }
        return calls;
    }

    /** The IAM actions of the calls. */
    public static Set<String> iamActions(CellguardService service, Function<String, Optional<String>> settings) {
        Set<String> actions = new TreeSet<>();
        of(service, settings).forEach(call -> actions.add(call.iamAction()));
        return actions;
    }

    /** The operation a client method performs, if it is one (it takes a request; paginators page it). */
    static Optional<String> operation(String clientInternalName, String method) {
        Class<?> client;
        try {
            client = Class.forName(clientInternalName.replace('/', '.'), false, AwsCalls.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(clientInternalName + " is referred to but not on the class path", e);
        }
        Class<?> request;
        try {
            request = Class.forName("software.amazon.awssdk.core.SdkRequest", false, AwsCalls.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        boolean isOperation = Arrays.stream(client.getMethods())
                .filter(m -> m.getName().equals(method))
                .map(Method::getParameterTypes)
                .anyMatch(types -> types.length == 1 && request.isAssignableFrom(types[0]));
        if (!isOperation) {
            return Optional.empty();
        }
        String operation = method.endsWith("Paginator") ? method.substring(0, method.length() - "Paginator".length()) : method;
        return Optional.of(Character.toUpperCase(operation.charAt(0)) + operation.substring(1));
    }

    /** The connector's classes that the service's SQS channels run, with their configured strategies. */
    static Set<String> connectorClasses(CellguardService service, Function<String, Optional<String>> settings) {
        Set<String> classes = new TreeSet<>();
        for (String key : service.applicationProperties().stringPropertyNames()) {
            Matcher channel = CHANNEL.matcher(key);
            if (!channel.matches() || !SQS_CONNECTOR.equals(settings.apply(key).orElse(""))) {
                continue;
            }
            String prefix = "mp.messaging." + channel.group(1) + "." + channel.group(2) + ".";
            classes.add(internal(SqsManager.class));
            if (channel.group(1).equals("outgoing")) {
                classes.add(internal(SqsOutboundChannel.class));
            } else {
                classes.add(internal(SqsInboundChannel.class));
                String ack = settings.apply(prefix + "ack-strategy").orElseGet(() -> connectorDefault("ack-strategy"));
                String failure = settings.apply(prefix + "failure-strategy").orElseGet(() -> connectorDefault("failure-strategy"));
                classes.addAll(strategy(SqsAckHandler.Factory.class, ack));
                classes.addAll(strategy(SqsFailureHandler.Factory.class, failure));
            }
        }
        return classes;
    }

    private static String connectorDefault(String attribute) {
        return Arrays.stream(SqsConnector.class.getAnnotationsByType(ConnectorAttribute.class))
                .filter(a -> a.name().equals(attribute))
                .map(ConnectorAttribute::defaultValue)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the SQS connector has no attribute " + attribute));
    }

    /** The factory registered under the strategy's name, and the handler it makes (its enclosing class). */
    private static List<String> strategy(Class<?> factoryType, String name) {
        for (String candidate : ClassGraph.classesBeside(internal(SqsConnector.class))) {
            if (!candidate.endsWith("$Factory")) {
                continue;
            }
            Class<?> factory;
            try {
                factory = Class.forName(candidate.replace('/', '.'), false, AwsCalls.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            Identifier identifier = factory.getAnnotation(Identifier.class);
            if (factoryType.isAssignableFrom(factory) && identifier != null && identifier.value().equals(name)) {
                return List.of(candidate, internal(factory.getEnclosingClass()));
            }
        }
        throw new AssertionError("the SQS connector has no " + factoryType.getSimpleName() + " named " + name);
    }

    private static String internal(Class<?> type) {
        return type.getName().replace('.', '/');
    }
}
