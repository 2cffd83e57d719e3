package io.foldline.chain.submit;

import io.foldline.chain.evm.Compiled;
import io.foldline.chain.evm.Evm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.WalletUtils;
import org.web3j.crypto.exception.CipherException;

/**
 * The submitter's signing key, decrypted from a standard Ethereum keystore file (scrypt or pbkdf2, as
 * written by geth, web3j's {@code WalletUtils} or foundry's {@code cast wallet}). The private key never leaves
 * this class: it signs, and exposes only the address. {@link #toString()} and every exception message name
 * the keystore file and the address, never the key or the password.
 */
public final class SigningKey {
    private final Credentials credentials;
    private final String source;

    private SigningKey(Credentials credentials, String source) {
        this.credentials = credentials;
        this.source = source;
    }

    public static SigningKey fromKeystore(Path keystore, PasswordSource password) {
        if (!Files.isRegularFile(keystore)) {
            throw new SubmitterException("keystore " + keystore + ": no such file");
        }
        String secret = password.read();
        try {
            Credentials c = WalletUtils.loadCredentials(secret, keystore.toFile());
            return new SigningKey(c, "keystore " + keystore);
        } catch (CipherException e) {
            // web3j's messages here are fixed strings ("Invalid password provided", "Unsupported cipher"),
            // but they are not repeated: only their kind is, so a future message cannot leak anything.
            throw new SubmitterException("keystore " + keystore + ": cannot decrypt (wrong password or "
                    + "unsupported cipher)");
        } catch (IOException | RuntimeException e) {
            throw new SubmitterException("keystore " + keystore + ": not a readable Ethereum keystore JSON ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    public String address() {
        return credentials.getAddress();
    }

    /** Deploys {@code contract} from this key's account: the one transaction the key signs outside the submitter. */
    public Evm.Deployed deploy(Evm evm, Compiled contract) {
        return evm.deploy(credentials, contract);
    }

    byte[] sign(RawTransaction tx) {
        return TransactionEncoder.signMessage(tx, credentials);
    }

    @Override
    public String toString() {
        return "SigningKey[" + address() + " from " + source + "]";
    }
}
