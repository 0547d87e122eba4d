import { Injectable, type StreamableFile } from '@nestjs/common';
import type { ContractDetailDto } from '@agency-portal/shared';
import type { Response } from 'express';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { notFound } from '../common/errors/domain-error';
import { UnitOfWork } from '../database/unit-of-work';
import { FilesService } from '../files/files.service';
import type { ReceivedFile } from '../files/upload';
import { assertContractAction } from './contract-actions';
import { Contract } from './contract.entity';
import { contractSnapshot } from './contract.mapper';
import { ContractsService } from './contracts.service';

/** A contract's signed document: attached while draft or active, downloaded by whoever reads the contract. */
@Injectable()
export class ContractDocumentsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly contracts: ContractsService,
    private readonly audit: AuditService,
    private readonly files: FilesService,
    private readonly access: AccessService,
  ) {}

  /** Attaches a signed PDF already streamed into storage; the bytes are discarded if this fails. */
  async attachSignedDocument(actor: Actor, id: string, received: ReceivedFile): Promise<ContractDetailDto> {
    try {
      await this.uow.run(async (manager) => {
        const contract = await this.uow.lockVisible(manager, actor, 'contract', Contract, id);
        assertContractAction(contract, 'upload_document');
        const before = contractSnapshot(contract);
        const file = await this.files.record(manager, received, actor);
        contract.signedDocumentId = file.id;
        await manager.save(contract);
        await this.audit.record(manager, actor, {
          action: 'contract.document_uploaded',
          entity: 'contract',
          entityId: id,
          before,
          after: {
            ...contractSnapshot(contract),
            fileName: file.originalName,
            sha256: file.sha256,
            sizeBytes: file.sizeBytes,
          },
        });
      });
    } catch (error) {
      await this.files.discard(received);
      throw error;
    }
    return this.contracts.get(actor, id);
  }

  async downloadSignedDocument(actor: Actor, id: string, response: Response): Promise<StreamableFile> {
    const qb = this.uow.manager
      .getRepository(Contract)
      .createQueryBuilder('contract')
      .leftJoinAndSelect('contract.signedDocument', 'signedDocument')
      .where('contract.id = :id', { id });
    const contract = await this.access.scope(qb, actor, 'contract', 'contract').getOne();
    if (!contract) throw notFound('Contract');
    if (!contract.signedDocument) throw notFound('Signed document');
    return this.files.download(contract.signedDocument, response);
  }
}
