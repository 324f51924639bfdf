package dev.cellguard.arc.local.topology;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Route 53 ARC resource ARNs: the shapes AWS uses, and deterministic derivation of missing ARNs
 * from names (the same names always give the same ARNs, so a topology without ARNs is stable).
 *
 * <pre>
 * arn:aws:route53-recovery-control::&lt;account&gt;:cluster/&lt;uuid&gt;
 * arn:aws:route53-recovery-control::&lt;account&gt;:controlpanel/&lt;32 hex&gt;
 * arn:aws:route53-recovery-control::&lt;account&gt;:controlpanel/&lt;32 hex&gt;/routingcontrol/&lt;16 hex&gt;
 * arn:aws:route53-recovery-control::&lt;account&gt;:controlpanel/&lt;32 hex&gt;/safetyrule/&lt;16 hex&gt;
 * </pre>
 */
public final class Arns {

    /** The account used when the topology names neither an {@code Owner} nor a cluster ARN. */
    public static final String DEFAULT_ACCOUNT = "111122223333";

    /** The data plane's constraint on every ARN member: 1–255 characters of this set. */
    public static final Pattern API_ARN = Pattern.compile("^[A-Za-z0-9:.\\/_-]*$");

    public static final int API_ARN_MAX_LENGTH = 255;

    private static final String PREFIX = "^arn:(aws[a-z-]*):route53-recovery-control::(\\d{12}):";
    private static final Pattern CLUSTER = Pattern.compile(
            PREFIX + "cluster/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$");
    private static final Pattern CONTROL_PANEL = Pattern.compile(PREFIX + "controlpanel/([0-9a-f]{32})$");
    private static final Pattern ROUTING_CONTROL =
            Pattern.compile(PREFIX + "controlpanel/([0-9a-f]{32})/routingcontrol/([0-9a-f]{16})$");
    private static final Pattern SAFETY_RULE =
            Pattern.compile(PREFIX + "controlpanel/([0-9a-f]{32})/safetyrule/([0-9a-f]{16})$");
    private static final Pattern ACCOUNT = Pattern.compile("^\\d{12}$");

    private Arns() {
    }

    public static boolean isClusterArn(String arn) {
        return CLUSTER.matcher(arn).matches();
    }

    public static boolean isControlPanelArn(String arn) {
        return CONTROL_PANEL.matcher(arn).matches();
    }

    public static boolean isAccount(String account) {
        return ACCOUNT.matcher(account).matches();
    }

    /** Whether {@code arn} is a routing control ARN inside {@code controlPanelArn}. */
    public static boolean isRoutingControlArnIn(String arn, String controlPanelArn) {
        return ROUTING_CONTROL.matcher(arn).matches() && arn.startsWith(controlPanelArn + "/routingcontrol/");
    }

    /** Whether {@code arn} is a safety rule ARN inside {@code controlPanelArn}. */
    public static boolean isSafetyRuleArnIn(String arn, String controlPanelArn) {
        return SAFETY_RULE.matcher(arn).matches() && arn.startsWith(controlPanelArn + "/safetyrule/");
    }

    /** The account ID of any ARC ARN of the shapes above (the fifth ARN field). */
    public static String accountOf(String arn) {
        Matcher matcher = Pattern.compile(PREFIX).matcher(arn);
        if (!matcher.lookingAt()) {
            throw new IllegalArgumentException("Not a Route 53 ARC ARN: " + arn);
        }
        return matcher.group(2);
    }

    public static String clusterArn(String account, String clusterName) {
        UUID id = UUID.nameUUIDFromBytes(("cluster/" + clusterName).getBytes(StandardCharsets.UTF_8));
        return "arn:aws:route53-recovery-control::" + account + ":cluster/" + id;
    }

    public static String controlPanelArn(String account, String clusterArn, String controlPanelName) {
        return "arn:aws:route53-recovery-control::" + account + ":controlpanel/"
                + hexDigest("controlpanel/" + clusterArn + "/" + controlPanelName, 32);
    }

    public static String routingControlArn(String controlPanelArn, String routingControlName) {
        return controlPanelArn + "/routingcontrol/" + hexDigest("routingcontrol/" + controlPanelArn + "/" + routingControlName, 16);
    }

    public static String safetyRuleArn(String controlPanelArn, String safetyRuleName) {
        return controlPanelArn + "/safetyrule/" + hexDigest("safetyrule/" + controlPanelArn + "/" + safetyRuleName, 16);
    }

    private static String hexDigest(String input, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
