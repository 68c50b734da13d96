package org.custodian.platform.web;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string read from a JSON body passes {@link PlainText}: one deserializer for {@code String}, so
 * no request record can forget it. A refusal names the field by its path ({@code properties.name}).
 */
@Component
class PlainTextJson extends SimpleModule {

    PlainTextJson() {
        super("custodian-plain-text");
        addDeserializer(String.class, new Reader());
    }

    /** A string refused by {@link PlainText}; its message is the reason, its path the field. */
    static final class TextRefused extends DatabindException {
        TextRefused(JsonParser p, String reason) {
            super(p, reason);
        }
    }

    private static final class Reader extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            if (value == null) {
                return null;
            }
            String reason = PlainText.refusal(fieldName(p), value);
            if (reason != null) {
                throw new TextRefused(p, reason);
            }
            return value;
        }

        private static String fieldName(JsonParser p) {
            // A string in a list takes the list's name.
            for (TokenStreamContext c = p.streamReadContext(); c != null; c = c.getParent()) {
                if (c.currentName() != null) {
                    return c.currentName();
                }
            }
            return "";
        }
    }
}
