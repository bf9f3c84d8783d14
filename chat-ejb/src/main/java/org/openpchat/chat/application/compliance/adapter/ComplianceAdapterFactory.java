package org.openpchat.chat.application.compliance.adapter;

/** Creates (unconfigured) adapters from an AdapterType: a built-in name or a class name. */
public interface ComplianceAdapterFactory {

    ComplianceAdapter create(String adapterType);
}
