package dev.cellguard.deploy.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * YAML as plain maps and lists. Duplicate keys are refused; merge keys ({@code <<}, used by compose)
 * are applied; CloudFormation's short-form tags become their long form ({@code !Ref X} → {@code {Ref: X}},
 * {@code !GetAtt A.B} → {@code {Fn::GetAtt: [A, B]}}), so templates are read as CloudFormation reads them.
 */
public final class Yamls {

    private static final List<String> FUNCTIONS = List.of("Ref", "Condition", "Sub", "GetAtt", "ImportValue",
            "FindInMap", "Select", "GetAZs", "Join", "Split", "If", "Equals", "Not", "And", "Or", "Base64", "Cidr");

    private Yamls() {
    }

    /** Every document of a YAML stream, empty documents left out. */
    public static List<Object> loadAll(String text) {
        List<Object> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(options())).loadAll(text)) {
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> loadMap(String text) {
        Object document = new Yaml(new SafeConstructor(options())).load(text);
        if (!(document instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("not a YAML mapping");
        }
        return (Map<String, Object>) document;
    }

    /** A CloudFormation template, short-form functions in their long form. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> loadCloudFormation(String text) {
        return (Map<String, Object>) new Yaml(new CloudFormationConstructor(options())).load(text);
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return options;
    }

    private static final class CloudFormationConstructor extends SafeConstructor {

        CloudFormationConstructor(LoaderOptions options) {
            super(options);
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic(function));
            }
        }

        private final class Intrinsic extends AbstractConstruct {

            private final String key;
            private final boolean getAtt;

            Intrinsic(String function) {
                this.key = function.equals("Ref") || function.equals("Condition") ? function : "Fn::" + function;
                this.getAtt = function.equals("GetAtt");
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                    if (getAtt) {
                        String text = (String) value;
                        int dot = text.indexOf('.');
                        value = List.of(text.substring(0, dot), text.substring(dot + 1));
                    }
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                Map<String, Object> function = new LinkedHashMap<>();
                function.put(key, value);
                return function;
            }
        }
    }
}
