package io.borderlink.gateway.config;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;

/** A configuration file is wrong; the message names the file, the line where known, and the problem. */
public class InvalidConfigurationException extends GatewayException {

    public InvalidConfigurationException(String message) {
        super(ErrorCode.CONFIGURATION_INVALID, message);
    }

    public InvalidConfigurationException(String message, Throwable cause) {
        super(ErrorCode.CONFIGURATION_INVALID, message, cause);
    }
}
